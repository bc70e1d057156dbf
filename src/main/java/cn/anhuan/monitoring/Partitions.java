package cn.anhuan.monitoring;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Monthly partitions (China time) of the packet log and the readings, created the first time a month is seen.
 * A device with a wrong clock gets its own month rather than being refused: the receive time is stored next to it.
 */
@Component
class Partitions {

    static final long CHINA_OFFSET_MS = 8 * 3_600_000L;

    private final JdbcClient jdbc;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    Partitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The first day of the month (China time) that an instant falls in. */
    static LocalDate month(long epochMillis) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochMillis + CHINA_OFFSET_MS, 86_400_000L)).withDayOfMonth(1);
    }

    /** Creates the month's partition of {@code table} (packet or reading) if it does not exist yet. */
    synchronized void ensure(String table, LocalDate month) {
        String name = table + "_" + month.getYear() + "_" + String.format("%02d", month.getMonthValue());
        if (known.contains(name)) {
            return;
        }
        jdbc.sql("create table if not exists monitoring." + name + " partition of monitoring." + table
                + " for values from ('" + month + " 00:00:00+08') to ('" + month.plusMonths(1) + " 00:00:00+08')").update();
        known.add(name);
    }

    /** Forgets what was created (after a test or benchmark drops partitions). */
    void forget() {
        known.clear();
    }
}
