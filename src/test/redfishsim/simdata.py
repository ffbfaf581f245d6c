"""Resource shapes of the Redfish simulator: three vendor flavours over the DMTF schemas (ServiceRoot,
ComputerSystem, Chassis, Manager, LogService, LogEntry, Sensor, legacy Thermal/Power).

Shapes follow the DMTF public mockups and what the vendors' services are known to return; the texts and
message ids are plausible examples, not copies of a vendor's registry.
"""
import random

ROOT = "/redfish/v1"

FLAVOURS = {
    # iDRAC-like: SEL under the manager, newest entry first, a clear leaves one "log cleared" entry
    "dell": {
        "name": "dell", "vendor": "Dell", "product": "Integrated Dell Remote Access Controller",
        "systems": ["System.Embedded.1", "System.Embedded.2"],
        "chassis": ["System.Embedded.1", "Enclosure.Internal.0-1"],
        "managers": ["iDRAC.Embedded.1", "iDRAC.Embedded.2"],
        "log_services": {("Managers", "iDRAC.Embedded.1"): ["Sel", "Lclog"],
                         ("Managers", "iDRAC.Embedded.2"): ["Sel"]},
        "main_log": ("Managers", "iDRAC.Embedded.1", "Sel"),
        "newest_first": True, "clear_leaves_entry": True, "trailing_slash": False, "sensors": True,
    },
    # iLO-like: IML under the system, @odata.id with trailing slashes, Oem.Hpe fields, legacy Thermal/Power only
    "hpe": {
        "name": "hpe", "vendor": "HPE", "product": "ProLiant DL380 Gen10",
        "systems": ["1", "2"], "chassis": ["1", "2"], "managers": ["1", "2"],
        "log_services": {("Systems", "1"): ["IML"], ("Systems", "2"): ["IML"], ("Managers", "1"): ["IEL"]},
        "main_log": ("Systems", "1", "IML"),
        "newest_first": False, "clear_leaves_entry": False, "trailing_slash": True, "sensors": False,
    },
    # bmcweb-like: EventLog under the system, ids from timestamps, OpenBMC message registry
    "openbmc": {
        "name": "openbmc", "vendor": "OpenBMC", "product": "OpenBMC GPU server",
        "systems": ["system", "hypervisor"], "chassis": ["chassis", "chassis2"], "managers": ["bmc", "bmc2"],
        "log_services": {("Systems", "system"): ["EventLog"], ("Managers", "bmc"): ["Journal"]},
        "main_log": ("Systems", "system", "EventLog"),
        "newest_first": False, "clear_leaves_entry": False, "trailing_slash": False, "sensors": True,
    },
}

# severity, MessageId, message, sensor type, clears a condition
DELL_EVENTS = [
    ("Warning", "TMP0120", "The system inlet temperature is greater than the upper warning threshold.",
     "Temperature", False),
    ("OK", "TMP0121", "The system inlet temperature is within range.", "Temperature", True),
    ("Critical", "PSU0003", "The power input for power supply 2 is lost.", "Power Supply", False),
    ("OK", "PSU0022", "The input power for power supply 2 has been restored.", "Power Supply", True),
    ("Critical", "MEM0001", "Multi-bit memory errors detected on a memory device at location(s) DIMM_A1.",
     "Memory", False),
    ("Warning", "FAN0000", "Fan 3 RPM is less than the lower warning threshold.", "Fan", False),
    ("OK", "FAN0001", "Fan 3 RPM is within range.", "Fan", True),
    ("OK", "SYS1003", "System CPU Resetting.", "Processor", False),
]
HPE_EVENTS = [
    ("Critical", "Power Supply Failure (Power Supply 2, Serial Number 5WBXK0FLLDL0QH)", "Power", 32, False),
    ("Warning", "System Overheating (Temperature Sensor 4, Location CPU, Temperature 86C)", "Environment", 3, False),
    ("OK", "Server power restored.", "Power", 32, False),
    ("Critical", "Uncorrectable Memory Error (Processor 1, Memory Module 3)", "Main Memory", 19, False),
    ("Warning", "Fan Failure (Fan 5, Location System)", "Environment", 3, False),
    ("OK", "Firmware flashed (iLO 5 2.78)", "Maintenance", 33, False),
]
OPENBMC_EVENTS = [
    ("Critical", "OpenBMC.0.1.SensorThresholdCriticalHighGoingHigh",
     "%s sensor crossed a critical high threshold going high. Reading=%s Threshold=%s.", "CPU0_Temp"),
    ("OK", "OpenBMC.0.1.SensorThresholdCriticalHighGoingLow",
     "%s sensor crossed a critical high threshold going low. Reading=%s Threshold=%s.", "CPU0_Temp"),
    ("Warning", "OpenBMC.0.1.SensorThresholdWarningHighGoingHigh",
     "%s sensor crossed a warning high threshold going high. Reading=%s Threshold=%s.", "Inlet_Temp"),
    ("OK", "OpenBMC.0.1.SensorThresholdWarningHighGoingLow",
     "%s sensor crossed a warning high threshold going low. Reading=%s Threshold=%s.", "Inlet_Temp"),
    ("Critical", "OpenBMC.0.1.PowerSupplyFailed", "Power supply %s failed.", "PSU1"),
    ("OK", "OpenBMC.0.1.DCPowerOn", "Host system DC power is on", None),
    ("Warning", "OpenBMC.0.1.MemoryECCCorrectable", "%s Memory ECC correctable error.", "DIMM_A1"),
]


def oid(f, path):
    return path + "/" if f["trailing_slash"] and "?" not in path and "#" not in path else path


def link(f, path):
    return {"@odata.id": oid(f, path)}


def error(message_id, message):
    return {"error": {"code": message_id, "message": message,
                      "@Message.ExtendedInfo": [{"MessageId": message_id, "Message": message}]}}


def success():
    return {"@Message.ExtendedInfo": [{"MessageId": "Base.1.8.Success", "Message": "Successfully Completed Request",
                                       "Severity": "OK"}]}


def service_root(f, top_skip):
    root = {
        "@odata.id": ROOT + "/", "@odata.type": "#ServiceRoot.v1_11_0.ServiceRoot", "Id": "RootService",
        "Name": "Root Service", "RedfishVersion": "1.11.0", "UUID": "4c4c4544-004d-3510-8052-b4c04f333732",
        "Vendor": f["vendor"], "Product": f["product"],
        "Systems": link(f, ROOT + "/Systems"), "Chassis": link(f, ROOT + "/Chassis"),
        "Managers": link(f, ROOT + "/Managers"), "SessionService": link(f, ROOT + "/SessionService"),
        "Links": {"Sessions": link(f, ROOT + "/SessionService/Sessions")},
    }
    if top_skip:
        root["ProtocolFeaturesSupported"] = {"ExpandQuery": {"ExpandAll": False}, "FilterQuery": False,
                                             "SelectQuery": False, "OnlyMemberQuery": False, "TopSkipQuery": True}
    return root


def session_service(f, timeout):
    return {"@odata.id": oid(f, ROOT + "/SessionService"), "@odata.type": "#SessionService.v1_1_8.SessionService",
            "Id": "SessionService", "Name": "Session Service", "ServiceEnabled": True, "SessionTimeout": timeout,
            "Sessions": link(f, ROOT + "/SessionService/Sessions")}


def session(sid, user):
    return {"@odata.id": ROOT + "/SessionService/Sessions/" + sid, "@odata.type": "#Session.v1_3_0.Session",
            "Id": sid, "Name": "User Session", "UserName": user}


COLLECTION_TYPES = {"Systems": "ComputerSystem", "Chassis": "Chassis", "Managers": "Manager", "Sessions": "Session",
                    "LogServices": "LogService"}


def collection(f, rel, ids, name):
    base = ROOT + "/" + rel
    kind = COLLECTION_TYPES[rel.split("/")[-1]]
    return {"@odata.id": oid(f, base), "@odata.type": "#%sCollection.%sCollection" % (kind, kind),
            "Name": name, "Members@odata.count": len(ids), "Members": [link(f, base + "/" + i) for i in ids]}


def system(f, sid, power, health):
    base = ROOT + "/Systems/" + sid
    body = {"@odata.id": oid(f, base), "@odata.type": "#ComputerSystem.v1_13_0.ComputerSystem", "Id": sid,
            "Name": "System " + sid, "Manufacturer": f["vendor"], "Model": f["product"],
            "SerialNumber": "SIM" + str(abs(hash(sid)) % 100000), "PowerState": power,
            "Status": {"State": "Enabled" if power == "On" else "StandbyOffline", "Health": health,
                       "HealthRollup": health},
            "Links": {"Chassis": [link(f, ROOT + "/Chassis/" + f["chassis"][0])],
                      "ManagedBy": [link(f, ROOT + "/Managers/" + f["managers"][0])]},
            "Actions": {"#ComputerSystem.Reset": {"target": base + "/Actions/ComputerSystem.Reset"}}}
    if ("Systems", sid) in f["log_services"]:
        body["LogServices"] = link(f, base + "/LogServices")
    return body


def manager(f, mid):
    base = ROOT + "/Managers/" + mid
    body = {"@odata.id": oid(f, base), "@odata.type": "#Manager.v1_10_0.Manager", "Id": mid, "Name": "Manager " + mid,
            "ManagerType": "BMC", "FirmwareVersion": "7.00.00.171", "Status": {"State": "Enabled", "Health": "OK"}}
    if ("Managers", mid) in f["log_services"]:
        body["LogServices"] = link(f, base + "/LogServices")
    return body


def log_service(f, base, name, count):
    path = base + "/LogServices/" + name
    return {"@odata.id": oid(f, path), "@odata.type": "#LogService.v1_2_0.LogService", "Id": name,
            "Name": name + " Log Service", "MaxNumberOfRecords": 100000, "OverWritePolicy": "WrapsWhenFull",
            "ServiceEnabled": True, "Status": {"State": "Enabled", "Health": "OK"},
            "Entries": link(f, path + "/Entries"),
            "Actions": {"#LogService.ClearLog": {"target": path + "/Actions/LogService.ClearLog"}}}


def sensors(rng):
    """name -> state; 'chassis' is the index of the chassis the sensor sits in."""
    def s(kind, unit, reading, chassis, **thresholds):
        return {"type": kind, "unit": unit, "reading": reading, "chassis": chassis, "thresholds": thresholds}
    return {
        "CPU1_Temp": s("Temperature", "Cel", 45.0, 0, UpperCaution=85.0, UpperCritical=95.0, UpperFatal=100.0),
        "Inlet_Temp": s("Temperature", "Cel", 24.0, 0, LowerCritical=3.0, UpperCaution=40.0, UpperCritical=45.0),
        "Fan1": s("Rotational", "RPM", 7200.0, 0, LowerCaution=1500.0, LowerCritical=1000.0),
        "PSU1_Voltage": s("Voltage", "V", 12.1, 0, LowerCritical=10.8, UpperCritical=13.2),
        "PSU1_Current": s("Current", "A", 8.5, 0, UpperCritical=20.0),
        "Total_Power": s("Power", "W", 285.0, 0),
        "Fan2": s("Rotational", "RPM", 7100.0, 1, LowerCaution=1500.0, LowerCritical=1000.0),
        "Exhaust_Temp": s("Temperature", "Cel", 38.0, 1, UpperCaution=70.0, UpperCritical=80.0),
    }


def sensor_health(state):
    t, r = state["thresholds"], state["reading"]
    if r >= t.get("UpperCritical", float("inf")) or r <= t.get("LowerCritical", float("-inf")):
        return "Critical"
    if r >= t.get("UpperCaution", float("inf")) or r <= t.get("LowerCaution", float("-inf")):
        return "Warning"
    return "OK"


def chassis_resource(f, cid, rest, all_sensors):
    base = ROOT + "/Chassis/" + cid
    index = f["chassis"].index(cid)
    mine = {n: s for n, s in all_sensors.items() if s["chassis"] == index}
    if not rest:
        body = {"@odata.id": oid(f, base), "@odata.type": "#Chassis.v1_14_0.Chassis", "Id": cid,
                "Name": "Chassis " + cid, "ChassisType": "RackMount" if index == 0 else "Enclosure",
                "Status": {"State": "Enabled", "Health": "OK"},
                "Thermal": link(f, base + "/Thermal"), "Power": link(f, base + "/Power")}
        if f["sensors"]:
            body["Sensors"] = link(f, base + "/Sensors")
        return body
    if rest == ["Sensors"] and f["sensors"]:
        return {"@odata.id": oid(f, base + "/Sensors"), "@odata.type": "#SensorCollection.SensorCollection",
                "Name": "Sensors", "Members@odata.count": len(mine),
                "Members": [link(f, base + "/Sensors/" + n) for n in mine]}
    if len(rest) == 2 and rest[0] == "Sensors" and f["sensors"] and rest[1] in mine:
        return sensor(f, base, rest[1], mine[rest[1]])
    if rest == ["Thermal"]:
        return thermal(f, base, mine)
    if rest == ["Power"]:
        return power(f, base, mine)
    return None


def sensor(f, base, name, s):
    return {"@odata.id": oid(f, base + "/Sensors/" + name), "@odata.type": "#Sensor.v1_2_0.Sensor", "Id": name,
            "Name": name.replace("_", " "), "Reading": s["reading"], "ReadingType": s["type"],
            "ReadingUnits": s["unit"], "Status": {"State": "Enabled", "Health": sensor_health(s)},
            "Thresholds": {k: {"Reading": v} for k, v in s["thresholds"].items()}}


LEGACY = {"UpperCaution": "UpperThresholdNonCritical", "UpperCritical": "UpperThresholdCritical",
          "UpperFatal": "UpperThresholdFatal", "LowerCaution": "LowerThresholdNonCritical",
          "LowerCritical": "LowerThresholdCritical", "LowerFatal": "LowerThresholdFatal"}


def legacy(f, base, array, i, name, s, reading_key):
    body = {"@odata.id": base + "#/" + array + "/" + str(i), "MemberId": str(i), "Name": name.replace("_", " "),
            reading_key: s["reading"], "Status": {"State": "Enabled", "Health": sensor_health(s)}}
    if reading_key == "Reading":
        body["ReadingUnits"] = "RPM"
    for k, v in s["thresholds"].items():
        body[LEGACY[k]] = v
    return body


def thermal(f, base, mine):
    temps = [(n, s) for n, s in mine.items() if s["type"] == "Temperature"]
    fans = [(n, s) for n, s in mine.items() if s["type"] == "Rotational"]
    path = oid(f, base + "/Thermal")
    return {"@odata.id": path, "@odata.type": "#Thermal.v1_6_0.Thermal", "Id": "Thermal", "Name": "Thermal",
            "Temperatures": [legacy(f, path, "Temperatures", i, n, s, "ReadingCelsius")
                             for i, (n, s) in enumerate(temps)],
            "Fans": [legacy(f, path, "Fans", i, n, s, "Reading") for i, (n, s) in enumerate(fans)]}


def power(f, base, mine):
    volts = [(n, s) for n, s in mine.items() if s["type"] == "Voltage"]
    path = oid(f, base + "/Power")
    body = {"@odata.id": path, "@odata.type": "#Power.v1_6_0.Power", "Id": "Power", "Name": "Power",
            "Voltages": [legacy(f, path, "Voltages", i, n, s, "ReadingVolts") for i, (n, s) in enumerate(volts)],
            "PowerControl": []}
    if "Total_Power" in mine:
        watts = mine["Total_Power"]["reading"]
        body["PowerControl"].append({
            "@odata.id": path + "#/PowerControl/0", "MemberId": "0", "Name": "System Power Control",
            "PowerConsumedWatts": watts, "PowerCapacityWatts": 750.0,
            "PowerMetrics": {"IntervalInMin": 1, "MinConsumedWatts": watts - 20, "MaxConsumedWatts": watts + 40,
                             "AverageConsumedWatts": watts}})
    return body


# ---- log entries ---------------------------------------------------------------------------------
_openbmc_ids = set()


def stamp(created):
    return created.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def log_entry(f, number, created, rng, severity=None, message=None, cleared=None):
    base = ROOT + "/%s/%s/LogServices/%s/Entries" % f["main_log"]
    return {"dell": dell_entry, "hpe": hpe_entry, "openbmc": openbmc_entry}[f["name"]](
        f, base, number, created, rng, severity, message)


def pick(events, rng, severity):
    choices = [e for e in events if severity is None or e[0].lower() == severity.lower()]
    return rng.choice(choices or events)


def dell_entry(f, base, number, created, rng, severity, message):
    sev, mid, text, sensor_type, clears = pick(DELL_EVENTS, rng, severity)
    n = str(number)
    return {"@odata.id": base + "/" + n, "@odata.type": "#LogEntry.v1_6_1.LogEntry", "Id": n,
            "Name": "Log Entry " + n, "Description": "Log Entry " + n, "Created": stamp(created),
            "EntryType": "SEL", "EntryCode": "Deassert" if clears else "Assert", "GeneratorId": "0x0020",
            "SensorNumber": 0x20 + DELL_EVENTS.index((sev, mid, text, sensor_type, clears)),
            "SensorType": sensor_type, "Message": message or text, "MessageArgs": [], "MessageId": mid,
            "Severity": sev, "Links": {}}


def hpe_entry(f, base, number, created, rng, severity, message):
    sev, text, cls, code, _ = pick(HPE_EVENTS, rng, severity)
    n = str(number)
    # iLO marks an entry "Repaired" when the condition it reports is fixed, and moves "Updated"
    repaired = sev != "OK" and rng.random() < 0.2
    updated = created.replace(second=(created.second + 30) % 60) if repaired else created
    return {"@odata.id": base + "/" + n + "/", "@odata.type": "#LogEntry.v1_0_0.LogEntry", "Id": n,
            "Name": "Integrated Management Log", "Created": stamp(created), "EntryType": "Oem",
            "OemRecordFormat": "Hpe-IML", "Message": message or text, "Severity": sev,
            "Oem": {"Hpe": {"@odata.type": "#HpeLogEntry.v2_3_0.HpeLogEntry", "Categories": ["Hardware"],
                            "Class": code, "ClassDescription": cls, "Code": number % 97, "Count": 1,
                            "EventNumber": number, "Repaired": repaired, "Updated": stamp(updated),
                            "RecommendedAction": "See the server's user guide."}}}


def openbmc_entry(f, base, number, created, rng, severity, message):
    sev, mid, fmt, arg = pick(OPENBMC_EVENTS, rng, severity)
    ts = int(created.timestamp())
    eid, k = str(ts), 0
    while eid in _openbmc_ids:  # bmcweb suffixes entries of the same second
        k += 1
        eid = "%d_%d" % (ts, k)
    _openbmc_ids.add(eid)
    args = [] if arg is None else ([arg] if fmt.count("%s") == 1 else [arg, "97.0", "95.0"])
    body = {"@odata.id": base + "/" + eid, "@odata.type": "#LogEntry.v1_9_0.LogEntry", "Id": eid,
            "Name": "System Event Log Entry", "Created": stamp(created), "Modified": stamp(created),
            "EntryType": "Event", "Message": message or (fmt % tuple(args) if args else fmt), "MessageArgs": args,
            "MessageId": mid, "Resolved": False}
    # newer bmcweb carries the registry's MessageSeverity; older ones only Severity
    body["MessageSeverity" if number % 7 == 0 else "Severity"] = sev
    return body
