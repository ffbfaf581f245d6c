package com.ipmimonitor.redfish.control;

import com.ipmimonitor.redfish.entity.Chassis;
import com.ipmimonitor.redfish.entity.ChassisPower;
import com.ipmimonitor.redfish.entity.ComputerSystem;
import com.ipmimonitor.redfish.entity.LogService;
import com.ipmimonitor.redfish.entity.ManagementController;
import com.ipmimonitor.redfish.entity.RedfishReading;
import com.ipmimonitor.redfish.entity.ServiceRoot;
import com.ipmimonitor.redfish.entity.Survey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One pass over a service: every member of Systems, Chassis and Managers (all pages of each collection, never only
 * the first member), each chassis' readings (Sensors when it has them, else legacy Thermal; power from Power) and
 * every LogService of the systems and managers.
 */
public final class RedfishSurvey {

    private final RedfishClient client;

    public RedfishSurvey(RedfishClient client) {
        this.client = client;
    }

    public Survey take() {
        ServiceRoot root = client.serviceRoot();
        List<ComputerSystem> systems = root.systems().map(this::members).orElse(List.of()).stream()
                .map(uri -> ResourceMapping.system(client.get(uri))).toList();
        List<ManagementController> managers = root.managers().map(this::members).orElse(List.of()).stream()
                .map(uri -> ResourceMapping.manager(client.get(uri))).toList();
        List<Survey.ChassisReadings> chassis = root.chassis().map(this::members).orElse(List.of()).stream()
                .map(uri -> readings(ResourceMapping.chassis(client.get(uri)))).toList();
        List<LogService> logs = new ArrayList<>();
        systems.forEach(s -> s.logServices().ifPresent(uri -> logs.addAll(logServices(uri))));
        managers.forEach(m -> m.logServices().ifPresent(uri -> logs.addAll(logServices(uri))));
        return new Survey(root, systems, chassis, managers, logs);
    }

    /** The @odata.id of every member, following Members@odata.nextLink. */
    public List<String> members(String collection) {
        List<String> uris = new ArrayList<>();
        Optional<String> next = Optional.of(collection);
        while (next.isPresent()) {
            MemberPage page = ResourceMapping.page(client.get(next.get()));
            uris.addAll(page.memberUris());
            next = page.nextLink();
        }
        return uris;
    }

    private List<LogService> logServices(String collection) {
        return members(collection).stream().map(uri -> ResourceMapping.logService(client.get(uri))).toList();
    }

    /** A chassis' readings in the style it was surveyed with, and its power draw. */
    Survey.ChassisReadings readings(Chassis chassis) {
        List<RedfishReading> readings = new ArrayList<>();
        if (chassis.sensors().isPresent()) {
            for (String uri : members(chassis.sensors().get())) {
                SensorMapping.sensor(chassis.id(), client.get(uri)).ifPresent(readings::add);
            }
        } else {
            chassis.thermal().ifPresent(uri -> readings.addAll(SensorMapping.thermal(chassis.id(), client.get(uri))));
        }
        List<ChassisPower> power = new ArrayList<>();
        chassis.power().map(client::get).ifPresent(json -> {
            if (chassis.sensors().isEmpty()) {
                readings.addAll(SensorMapping.power(chassis.id(), json));
            }
            SensorMapping.powerDraw(chassis.id(), json).ifPresent(power::add);
        });
        return new Survey.ChassisReadings(chassis, readings, power);
    }

    /** Only a chassis' power draw (one request), for polls that do not read sensors. */
    Survey.ChassisReadings powerDraw(Chassis chassis) {
        List<ChassisPower> power = new ArrayList<>();
        chassis.power().map(client::get).flatMap(json -> SensorMapping.powerDraw(chassis.id(), json))
                .ifPresent(power::add);
        return new Survey.ChassisReadings(chassis, List.of(), power);
    }
}
