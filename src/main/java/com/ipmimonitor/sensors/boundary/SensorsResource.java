package com.ipmimonitor.sensors.boundary;

import com.ipmimonitor.fleet.boundary.Servers;
import com.ipmimonitor.fleet.entity.Server;
import com.ipmimonitor.rest.ApiError;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import com.ipmimonitor.sensors.entity.SensorKind;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.Map;
import java.util.TreeMap;

/** Latest sensor readings and the sensor-number-to-name map of one server. */
@Path("sensors")
@Produces(MediaType.APPLICATION_JSON)
public class SensorsResource {

    @Inject
    Servers servers;

    @Inject
    SensorReadings readings;

    /**
     * The newest reading of every sensor; ?type= keeps one kind (temperature, fan, voltage, power, ...), ?hours=
     * only readings of the last hours (the original's default was 1; without it, the last poll's whatever its age).
     */
    @GET
    @Path("{bmcIp}")
    public List<SensorView> latest(@PathParam("bmcIp") String bmcIp, @QueryParam("hours") Integer hours,
                                   @QueryParam("type") String type) {
        Predicate<SensorView> wanted = ofType(type);
        OffsetDateTime since = hours == null ? null
                : OffsetDateTime.now(ZoneOffset.UTC).minusHours(ApiError.requireHours(hours));
        return readings.latestOf(server(bmcIp).getId()).stream().map(SensorView::of).filter(wanted)
                .filter(r -> since == null || r.collectedAt() != null && !r.collectedAt().isBefore(since)).toList();
    }

    /** {"bmc_ip": ..., "sensors": {"50": "CPU1_ECC1", ...}}: hex sensor number (as in "Memory #0x50") to SDR name. */
    @GET
    @Path("{bmcIp}/names")
    public Map<String, Object> names(@PathParam("bmcIp") String bmcIp) {
        Map<String, String> names = new TreeMap<>();
        readings.namesOf(server(bmcIp).getId()).forEach((n, name) -> names.put(String.format("%02X", n), name));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("bmc_ip", bmcIp);
        answer.put("sensors", names);
        return answer;
    }

    /**
     * Readings of the last hours (24), oldest first; ?sensor= one sensor, ?type= one kind. ?resolution=hour gives one
     * sensor's hourly rollups instead (sensor required): {sensor_name, sensor_type, unit, hour, samples, min, avg,
     * max}, hours with readings only; what a chart of weeks should read (a raw month is ~43,000 points a sensor).
     */
    @GET
    @Path("{bmcIp}/history")
    public Response history(@PathParam("bmcIp") String bmcIp, @QueryParam("hours") @DefaultValue("24") int hours,
                           @QueryParam("sensor") String sensor, @QueryParam("type") String type,
                           @QueryParam("resolution") @DefaultValue("raw") String resolution) {
        ApiError.requireHours(hours);
        Predicate<SensorView> wanted = ofType(type);
        if ("hour".equals(resolution)) {
            if (sensor == null || sensor.isBlank()) {
                throw ApiError.of(Response.Status.BAD_REQUEST, "resolution=hour needs sensor=<name>");
            }
            return Response.ok(readings.hourlyOf(server(bmcIp).getId(), hours, sensor).stream()
                    .filter(h -> wanted.test(SensorView.ofHour(h))).map(HourView::of).toList()).build();
        }
        if (!"raw".equals(resolution)) {
            throw ApiError.of(Response.Status.BAD_REQUEST, "resolution must be raw or hour");
        }
        return Response.ok(readings.historyOf(server(bmcIp).getId(), hours, sensor).stream().map(SensorView::of)
                .filter(wanted).toList()).build();
    }

    /** One hourly rollup as /history?resolution=hour shows it. */
    public record HourView(String sensorName, String sensorType, String unit, OffsetDateTime hour, int samples,
                           Double min, Double avg, Double max) {
        static HourView of(SensorHour h) {
            return new HourView(h.sensorName(), h.kind().name().toLowerCase(Locale.ROOT), h.unit(), h.hour(),
                    h.samples(), h.min(), h.avg(), h.max());
        }
    }

    /** The original's ?type= filter: a sensor kind in lower case; anything else is a 400 naming the kinds. */
    private static Predicate<SensorView> ofType(String type) {
        if (type == null || type.isBlank()) {
            return r -> true;
        }
        List<String> kinds = Stream.of(SensorKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList();
        String wanted = type.strip().toLowerCase(Locale.ROOT);
        if (!kinds.contains(wanted)) {
            throw ApiError.of(Response.Status.BAD_REQUEST, "type must be one of " + String.join(", ", kinds));
        }
        return r -> wanted.equals(r.sensorType());
    }

    private Server server(String bmcIp) {
        return servers.findByBmcIp(bmcIp)
                .orElseThrow(() -> ApiError.noServer(bmcIp));
    }
}
