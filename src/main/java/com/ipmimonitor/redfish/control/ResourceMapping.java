package com.ipmimonitor.redfish.control;

import static com.ipmimonitor.redfish.control.JsonFields.health;
import static com.ipmimonitor.redfish.control.JsonFields.id;
import static com.ipmimonitor.redfish.control.JsonFields.link;
import static com.ipmimonitor.redfish.control.JsonFields.object;
import static com.ipmimonitor.redfish.control.JsonFields.objects;
import static com.ipmimonitor.redfish.control.JsonFields.string;

import com.ipmimonitor.redfish.entity.Chassis;
import com.ipmimonitor.redfish.entity.ComputerSystem;
import com.ipmimonitor.redfish.entity.LogService;
import com.ipmimonitor.redfish.entity.ManagementController;
import com.ipmimonitor.redfish.entity.PowerState;
import com.ipmimonitor.redfish.entity.RedfishException;
import com.ipmimonitor.redfish.entity.RedfishFailure;
import com.ipmimonitor.redfish.entity.ServiceRoot;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.OptionalInt;

/** Redfish resources (service root, collections, systems, managers, chassis, log services) to records. No I/O. */
public final class ResourceMapping {

    static final String DEFAULT_SESSIONS = "/redfish/v1/SessionService/Sessions";

    private ResourceMapping() {
    }

    /** Throws PROTOCOL_ERROR for JSON that is no Redfish service root (another web server on the BMC's address). */
    public static ServiceRoot serviceRoot(JsonObject root) {
        Optional<String> version = string(root, "RedfishVersion");
        boolean redfishId = JsonFields.odataId(root).filter(id -> id.startsWith("/redfish/v1")).isPresent();
        if (version.isEmpty() && !redfishId) {
            throw new RedfishException(RedfishFailure.PROTOCOL_ERROR, "not a Redfish service root");
        }
        String sessions = object(root, "Links").flatMap(links -> link(links, "Sessions")).orElse(DEFAULT_SESSIONS);
        Optional<Boolean> topSkip = object(root, "ProtocolFeaturesSupported")
                .flatMap(features -> JsonFields.bool(features, "TopSkipQuery"));
        return new ServiceRoot(version.orElse(""), string(root, "Vendor").orElse(""),
                string(root, "Product").orElse(""), link(root, "Systems"), link(root, "Chassis"),
                link(root, "Managers"), sessions, topSkip);
    }

    public static MemberPage page(JsonObject collection) {
        if (!collection.containsKey("Members")) {
            throw new RedfishException(RedfishFailure.PROTOCOL_ERROR, "not a Redfish collection: no Members");
        }
        OptionalInt total = collection.get("Members@odata.count") instanceof JsonNumber n
                ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
        return new MemberPage(objects(collection, "Members"), string(collection, "Members@odata.nextLink"), total);
    }

    public static ComputerSystem system(JsonObject system) {
        return new ComputerSystem(uri(system), id(system), string(system, "Name").orElse(id(system)),
                PowerState.of(string(system, "PowerState").orElse(null)), health(system, "Health"),
                health(system, "HealthRollup"), link(system, "LogServices"));
    }

    public static ManagementController manager(JsonObject manager) {
        return new ManagementController(uri(manager), id(manager), string(manager, "Name").orElse(id(manager)),
                string(manager, "FirmwareVersion"), health(manager, "Health"), link(manager, "LogServices"));
    }

    public static Chassis chassis(JsonObject chassis) {
        return new Chassis(uri(chassis), id(chassis), string(chassis, "Name").orElse(id(chassis)),
                health(chassis, "Health"), link(chassis, "Sensors"), link(chassis, "Thermal"),
                link(chassis, "Power"));
    }

    public static LogService logService(JsonObject service) {
        String entries = link(service, "Entries").orElseThrow(() -> new RedfishException(
                RedfishFailure.PROTOCOL_ERROR, "log service without Entries: " + uri(service)));
        Optional<String> clear = object(service, "Actions")
                .flatMap(actions -> object(actions, "#LogService.ClearLog"))
                .flatMap(action -> string(action, "target"));
        return new LogService(uri(service), id(service), string(service, "Name").orElse(id(service)), entries, clear);
    }

    private static String uri(JsonObject resource) {
        return JsonFields.odataId(resource).orElse("");
    }
}
