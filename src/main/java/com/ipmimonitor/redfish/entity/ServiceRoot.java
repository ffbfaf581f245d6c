package com.ipmimonitor.redfish.entity;

import java.util.Optional;

/**
 * What /redfish/v1/ says about the service. topSkipQuery is empty when the service does not tell (older
 * firmware has no ProtocolFeaturesSupported); then $top/$skip are tried and their effect checked.
 */
public record ServiceRoot(String redfishVersion, String vendor, String product, Optional<String> systems,
                          Optional<String> chassis, Optional<String> managers, String sessions,
                          Optional<Boolean> topSkipQuery) {
}
