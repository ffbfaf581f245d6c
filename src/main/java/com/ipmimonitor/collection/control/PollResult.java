package com.ipmimonitor.collection.control;

import com.ipmimonitor.ipmi.PowerReading;
import com.ipmimonitor.ipmi.PowerState;
import com.ipmimonitor.ipmi.SdrEntry;
import com.ipmimonitor.ipmi.SelInfo;
import com.ipmimonitor.ipmi.SelRecord;
import com.ipmimonitor.ipmi.SensorConversion;
import com.ipmimonitor.ipmi.SensorRow;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one successful poll read from a BMC. newRecords is empty when the SEL did not change;
 * lastRecordId is the id the next incremental read continues from; sdr is present when names were re-read,
 * conversions then holds the SDR's full sensor records (empty when they could not be read);
 * dcmiSupported is present when this poll asked the BMC for DCMI (false: it rejected the power reading);
 * firmware is present when this poll read `mc info` (with the SDR names); sensors is empty on polls that do not
 * read sensors (SENSOR_POLL_MULTIPLIER); sensorTypes (sensor name to type, for discrete states) is present when the
 * poll read them from the SDR cache it read its sensors with, else the stored SDR names have them.
 */
public record PollResult(PowerState power, SelInfo selInfo, List<SelRecord> newRecords,
                         Optional<Integer> lastRecordId, Optional<String> sdrSignature, Optional<List<SdrEntry>> sdr,
                         List<SensorConversion> conversions,
                         List<SensorRow> sensors, Optional<PowerReading> powerReading,
                         Optional<Boolean> dcmiSupported, Optional<String> firmware, int cipherSuite,
                         Optional<Map<String, Integer>> sensorTypes) {
}
