package cn.anhuan.monitoring;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.anhuan.air.HourlyImport;
import cn.anhuan.air.ImportReport;
import cn.anhuan.air.StationService;
import cn.anhuan.monitoring.hj212.Packet;
import cn.anhuan.monitoring.hj212.Reading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hourly data (CN 2061) from devices that measure an air station goes on to the air-quality module, which
 * computes sliding means, AQI and daily values exactly as for imported hours. Units are those of the analysers
 * (µg/m³; CO mg/m³).
 */
@Component
class StationFeed {

    private static final Logger log = LoggerFactory.getLogger(StationFeed.class);
    private static final String[] CODES = {"a21026", "a21004", "a21005", "a05024", "a34002", "a34004"};
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final HourlyImport hourly;
    private final StationService stations;
    private final Map<Long, String> codes = new ConcurrentHashMap<>();

    StationFeed(HourlyImport hourly, StationService stations) {
        this.hourly = hourly;
        this.stations = stations;
    }

    void afterCommit(StoredBatch batch) {
        StringBuilder csv = new StringBuilder("station,time,SO2,NO2,CO,O3,PM10,PM2.5\n");
        int rows = 0;
        for (StoredBatch.StationPacket sp : batch.station) {
            Packet p = sp.packet();
            if (!"2061".equals(p.cn())) {
                continue;
            }
            String code = code(sp.stationId());
            if (code == null) {
                continue;
            }
            csv.append(code).append(',').append(HOUR.format(Instant.ofEpochMilli(p.dataTime())));
            for (String c : CODES) {
                csv.append(',');
                for (Reading r : p.readings()) {
                    double v = r.value(Reading.AVG);
                    if (r.code().equals(c) && !Double.isNaN(v) && v >= 0 && (r.flag() == 0 || r.flag() == 'N')) {
                        csv.append(java.math.BigDecimal.valueOf(v).toPlainString());
                    }
                }
            }
            csv.append('\n');
            rows++;
        }
        if (rows == 0) {
            return;
        }
        try {
            ImportReport report = hourly.receive(csv.toString());
            if (!report.errors().isEmpty()) {
                log.warn("Station hours from HJ 212 not stored: {}", report.errors());
            }
        } catch (IOException e) {
            log.error("Station hours from HJ 212 not stored", e);
        }
    }

    private String code(long stationId) {
        String c = codes.get(stationId);
        if (c == null) {
            stations.all().forEach(s -> codes.put(s.id(), s.code()));
            c = codes.get(stationId);
        }
        return c;
    }
}
