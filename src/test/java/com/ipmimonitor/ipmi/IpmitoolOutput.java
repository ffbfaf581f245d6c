package com.ipmimonitor.ipmi;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Every ipmitool output parser with the outputs captured for it (real ipmitool against ipmi_sim). A parser's contract: a result, or an
 * {@link IpmitoolParseException} for output it cannot read; never another exception.
 */
enum IpmitoolOutput {

    SEL_ELIST(SelElistParser::parse, "ipmi_sim/sel_elist.txt", "ipmi_sim/sel_list.txt",
            "ipmi_sim/sel_elist_abnormal.txt", "ipmi_sim/sel_elist_preinit.txt", "ipmi_sim_supermicro/sel_elist.txt"),
    SEL_INFO(SelInfoParser::parse, "ipmi_sim/sel_info.txt", "ipmi_sim/sel_info_empty.txt", "ipmi_sim/sel_info_full.txt"),
    SDR_ELIST(SdrElistParser::parse, "ipmi_sim/sdr_elist.txt", "ipmi_sim/sdr_elist_abnormal.txt",
            "ipmi_sim/sdr_elist_live.txt"),
    SDR_INFO(SdrInfoParser::signature, "ipmi_sim/sdr_info.txt"),
    SENSOR(SensorListParser::parse, "ipmi_sim/sensor.txt", "ipmi_sim/sensor_abnormal.txt", "ipmi_sim/sensor_live.txt"),
    POWER_STATUS(PowerStatusParser::parse, "ipmi_sim/power_status.txt", "ipmi_sim/power_status_live.txt"),
    DCMI_POWER(DcmiPowerParser::parse, "ipmitool-format/dcmi_power_reading.txt",
            "ipmitool-format/dcmi_power_reading_deactivated.txt"),
    // as the collector uses it: the raw responses, each decoded into a SEL record
    GET_SEL_ENTRY(stdout -> GetSelEntryResponseParser.parse(stdout).stream()
            .map(r -> SelRecordDecoder.decode(r.record())).toList(),
            "ipmi_sim/exec_get_sel_entry.txt", "ipmi_sim/exec_get_sel_entry_elist.txt", "ipmi_sim/raw_get_sel_first.txt");

    private final Function<String, ?> parser;
    private final List<String> capturedOutputs;

    IpmitoolOutput(Function<String, ?> parser, String... fixtures) {
        this.parser = parser;
        this.capturedOutputs = Stream.of(fixtures).map(Fixtures::ipmitool).toList();
    }

    Object parse(String stdout) {
        return parser.apply(stdout);
    }

    List<String> capturedOutputs() {
        return capturedOutputs;
    }
}
