package com.ipmimonitor.redfish.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.redfish.entity.ComputerSystem;
import com.ipmimonitor.redfish.entity.LogService;
import com.ipmimonitor.redfish.entity.PowerState;
import com.ipmimonitor.redfish.entity.RedfishException;
import com.ipmimonitor.redfish.entity.RedfishFailure;
import com.ipmimonitor.redfish.entity.ServiceRoot;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ResourceMappingTest {

    @ParameterizedTest
    @ValueSource(strings = {"dell", "hpe", "openbmc"})
    void serviceRootNamesTheCollectionsTheSessionsAndTopSkip(String flavour) {
        ServiceRoot root = ResourceMapping.serviceRoot(Fixtures.json(flavour, "service-root"));
        assertEquals("1.11.0", root.redfishVersion());
        assertTrue(root.systems().orElseThrow().startsWith("/redfish/v1/Systems"));
        assertTrue(root.chassis().isPresent() && root.managers().isPresent());
        assertTrue(root.sessions().startsWith("/redfish/v1/SessionService/Sessions"));
        assertEquals(Optional.of(true), root.topSkipQuery());
    }

    @Test
    void aRootWithoutFeaturesLeavesTopSkipOpenAndSessionsAtTheStandardPlace() {
        ServiceRoot root = ResourceMapping.serviceRoot(Fixtures.parse(
                "{\"@odata.id\":\"/redfish/v1/\",\"RedfishVersion\":\"1.0.2\"}"));
        assertEquals(Optional.empty(), root.topSkipQuery());
        assertEquals("/redfish/v1/SessionService/Sessions", root.sessions());
    }

    @Test
    void jsonThatIsNoServiceRootIsAProtocolError() {
        RedfishException e = assertThrows(RedfishException.class,
                () -> ResourceMapping.serviceRoot(Fixtures.parse("{\"status\":\"ok\",\"name\":\"printer\"}")));
        assertEquals(RedfishFailure.PROTOCOL_ERROR, e.failure());
    }

    @ParameterizedTest
    @ValueSource(strings = {"systems", "chassis", "managers"})
    void collectionsListEveryMember(String collection) {
        for (String flavour : List.of("dell", "hpe", "openbmc")) {
            MemberPage page = ResourceMapping.page(Fixtures.json(flavour, collection));
            assertEquals(2, page.memberUris().size(), flavour + " " + collection);
            assertEquals(2, page.total().getAsInt());
            assertTrue(page.nextLink().isEmpty());
        }
    }

    @Test
    void aLogPageCarriesItsNextLinkAndTheWholeLogsCount() {
        MemberPage first = ResourceMapping.page(Fixtures.json("hpe", "entries-systems-1-IML-page1"));
        assertEquals(50, first.members().size());
        assertEquals(60, first.total().getAsInt());
        assertEquals(Optional.of("/redfish/v1/Systems/1/LogServices/IML/Entries/?$skip=50"), first.nextLink());
        MemberPage last = ResourceMapping.page(Fixtures.json("hpe", "entries-systems-1-IML-page2"));
        assertEquals(10, last.members().size());
        assertTrue(last.nextLink().isEmpty());
    }

    @Test
    void aBodyWithoutMembersIsNoCollection() {
        assertEquals(RedfishFailure.PROTOCOL_ERROR, assertThrows(RedfishException.class,
                () -> ResourceMapping.page(Fixtures.parse("{\"Name\":\"x\"}"))).failure());
    }

    @Test
    void systemsCarryPowerStateHealthAndTheirLogs() {
        ComputerSystem hpe = ResourceMapping.system(Fixtures.json("hpe", "system-1"));
        assertEquals("1", hpe.id());
        assertEquals(PowerState.ON, hpe.powerState());
        assertEquals(Optional.of("OK"), hpe.health());
        assertEquals(Optional.of("OK"), hpe.healthRollup());
        assertEquals(Optional.of("/redfish/v1/Systems/1/LogServices/"), hpe.logServices());
        ComputerSystem dell = ResourceMapping.system(Fixtures.json("dell", "system-2"));
        assertEquals("System.Embedded.2", dell.id());
        assertTrue(dell.logServices().isEmpty(), "iDRAC keeps its SEL under the manager");
        assertEquals(PowerState.UNKNOWN, PowerState.of("Standby"));
        assertEquals(PowerState.OFF, ResourceMapping.system(Fixtures.parse(
                "{\"Id\":\"1\",\"PowerState\":\"Off\",\"Status\":{\"Health\":\"Critical\"}}")).powerState());
    }

    @Test
    void managersAndLogServicesLeadToTheEntries() {
        var idrac = ResourceMapping.manager(Fixtures.json("dell", "manager-1"));
        assertEquals("iDRAC.Embedded.1", idrac.id());
        assertEquals(Optional.of("/redfish/v1/Managers/iDRAC.Embedded.1/LogServices"), idrac.logServices());
        LogService sel = ResourceMapping.logService(Fixtures.json("dell", "logservice-managers-1-Sel"));
        assertEquals("/redfish/v1/Managers/iDRAC.Embedded.1/LogServices/Sel/Entries", sel.entries());
        assertEquals(Optional.of("/redfish/v1/Managers/iDRAC.Embedded.1/LogServices/Sel/Actions/LogService.ClearLog"),
                sel.clearLogAction());
        var chassis = ResourceMapping.chassis(Fixtures.json("hpe", "chassis-1"));
        assertTrue(chassis.sensors().isEmpty() && chassis.thermal().isPresent() && chassis.power().isPresent());
    }
}
