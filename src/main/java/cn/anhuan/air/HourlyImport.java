package cn.anhuan.air;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import cn.anhuan.air.ImportReport.RowError;
import cn.anhuan.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports hourly station data from CSV: {@code station,time,SO2,NO2,CO,O3,PM10,PM2.5} (any column order after
 * the header; time is the hour's start in city time, {@code yyyy-MM-dd HH:mm}; empty, NA or — is missing).
 * Every row is checked first; one bad row stores nothing, and every bad row is reported.
 */
@Service
public class HourlyImport {

    static final int MAX_ERRORS = 1000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]");

    private final JdbcClient jdbc;
    private final AirDataWriter writer;
    private final AuditTrail audit;

    HourlyImport(JdbcClient jdbc, AirDataWriter writer, AuditTrail audit) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.audit = audit;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'CITY_SUPERVISOR')")
    public ImportReport importCsv(InputStream csv, String fileName, boolean dryRun) throws IOException {
        return run(csv, fileName, dryRun);
    }

    /**
     * Hourly values received from station analysers (the HJ 212 feed of the monitoring module): the same checks
     * and writer as a CSV import, without a user; the caller names the source for the log.
     */
    @Transactional
    public ImportReport receive(String csv) throws IOException {
        return run(new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "hj212", false);
    }

    /** The same import for the platform's own loaders (demo data, HJ 212 feed), without a user. */
    @Transactional
    ImportReport run(InputStream csv, String fileName, boolean dryRun) throws IOException {
        Map<String, Long> stations = new HashMap<>();
        jdbc.sql("select code, id from air.station").query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                stations.put(rs.getString(1), rs.getLong(2)));
        Map<Long, NavigableMap<Instant, BigDecimal[]>> hours = new HashMap<>();
        List<RowError> errors = new ArrayList<>();
        int rows = 0;
        int errorCount = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String header = in.readLine();
            int[] columns = header == null ? null : columns(stripBom(header).split(",", -1));
            if (columns == null) {
                return new ImportReport(0, List.of(new RowError(1, "air.import.header")), 0, 0, dryRun);
            }
            int lineNo = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                rows++;
                RowError error = parse(line.split(",", -1), columns, lineNo, stations, hours);
                if (error != null) {
                    errorCount++;
                    if (errors.size() < MAX_ERRORS) {
                        errors.add(error);
                    }
                }
            }
        }
        if (errorCount > 0 || dryRun) {
            return new ImportReport(rows, errors, 0, 0, dryRun);
        }
        int stored = hours.values().stream().mapToInt(Map::size).sum();
        int days = stored == 0 ? 0 : writer.write(hours);
        audit.record("air.hourly.imported", "air-import", fileName == null ? "upload" : fileName, null, null,
                Map.of("rows", rows, "hours", stored, "stationDays", days));
        return new ImportReport(rows, errors, stored, days, false);
    }

    /** Column index of: station, time, then the six pollutants in {@link Measured} order; null if incomplete. */
    private static int[] columns(String[] header) {
        int[] columns = new int[2 + Measured.ALL.length];
        java.util.Arrays.fill(columns, -1);
        for (int i = 0; i < header.length; i++) {
            String h = header[i].trim().toLowerCase(java.util.Locale.ROOT);
            if (h.equals("station") || h.equals("station_code")) {
                columns[0] = i;
            } else if (h.equals("time") || h.equals("hour")) {
                columns[1] = i;
            } else {
                Measured m = Measured.ofHeader(header[i]);
                if (m != null) {
                    columns[2 + m.ordinal()] = i;
                }
            }
        }
        for (int c : columns) {
            if (c < 0) {
                return null;
            }
        }
        return columns;
    }

    private static RowError parse(String[] f, int[] columns, int line, Map<String, Long> stations,
                                  Map<Long, NavigableMap<Instant, BigDecimal[]>> hours) {
        int width = java.util.Arrays.stream(columns).max().orElse(0) + 1;
        if (f.length < width) {
            return new RowError(line, "air.import.columns", width, f.length);
        }
        String code = f[columns[0]].trim();
        Long station = stations.get(code);
        if (station == null) {
            return new RowError(line, "air.import.station", code);
        }
        LocalDateTime time;
        try {
            time = LocalDateTime.parse(f[columns[1]].trim(), TIME);
        } catch (DateTimeParseException e) {
            return new RowError(line, "air.import.time", f[columns[1]].trim());
        }
        if (time.getMinute() != 0 || time.getSecond() != 0) {
            return new RowError(line, "air.import.notOnTheHour", f[columns[1]].trim());
        }
        BigDecimal[] values = new BigDecimal[Measured.ALL.length];
        boolean any = false;
        for (Measured m : Measured.ALL) {
            String raw = f[columns[2 + m.ordinal()]].trim();
            if (raw.isEmpty() || raw.equalsIgnoreCase("NA") || raw.equals("—") || raw.equals("-")) {
                continue;
            }
            try {
                BigDecimal v = new BigDecimal(raw);
                if (v.signum() < 0) {
                    return new RowError(line, "air.import.negative", m.name());
                }
                if (v.precision() - v.scale() > 7 || v.scale() > 3) {
                    return new RowError(line, "air.import.range", m.name(), raw);
                }
                values[m.ordinal()] = v;
                any = true;
            } catch (NumberFormatException e) {
                return new RowError(line, "air.import.number", m.name(), raw);
            }
        }
        if (!any) {
            return null;
        }
        Instant hour = time.atZone(StationSeries.CITY).toInstant();
        if (hours.computeIfAbsent(station, k -> new TreeMap<>()).putIfAbsent(hour, values) != null) {
            return new RowError(line, "air.import.duplicate", code, f[columns[1]].trim());
        }
        return null;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
