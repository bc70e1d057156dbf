package cn.anhuan.shared.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What a backup archive holds, written as its last entry {@code manifest.properties}: the Flyway version of the
 * schema, each table with its columns and row count (its data in entry {@code data/<n>.copy}, PostgreSQL's text
 * COPY format), partitions made at run time, sequence values and the number of uploaded files.
 */
record BackupManifest(String flywayVersion, String serverVersion, String created, List<Table> tables,
                      List<Partition> partitions, List<Sequence> sequences, int files) {

    static final String ENTRY = "manifest.properties";
    static final int FORMAT = 1;

    /** A table's data: {@code columns} are quoted identifiers in COPY order. */
    record Table(String schema, String name, String columns, long rows) {
        String qualified() {
            return SqlNames.qualified(schema, name);
        }

        String entry(int index) {
            return "data/" + index + ".copy";
        }
    }

    /** A partition the application created after the migrations (monthly partitions of time series). */
    record Partition(String schema, String name, String parentSchema, String parentName, String bound) {
        String createSql() {
            return "create table if not exists " + SqlNames.qualified(schema, name) + " partition of "
                    + SqlNames.qualified(parentSchema, parentName) + " " + bound;
        }
    }

    /** A sequence's last value ({@code null}: never used). */
    record Sequence(String schema, String name, Long lastValue) {
    }

    void write(OutputStream out) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", Integer.toString(FORMAT));
        p.setProperty("flyway.version", flywayVersion);
        p.setProperty("server.version", serverVersion);
        p.setProperty("created", created);
        p.setProperty("files", Integer.toString(files));
        p.setProperty("table.count", Integer.toString(tables.size()));
        for (int i = 0; i < tables.size(); i++) {
            Table t = tables.get(i);
            p.setProperty("table." + i + ".schema", t.schema());
            p.setProperty("table." + i + ".name", t.name());
            p.setProperty("table." + i + ".columns", t.columns());
            p.setProperty("table." + i + ".rows", Long.toString(t.rows()));
        }
        p.setProperty("partition.count", Integer.toString(partitions.size()));
        for (int i = 0; i < partitions.size(); i++) {
            Partition t = partitions.get(i);
            p.setProperty("partition." + i + ".schema", t.schema());
            p.setProperty("partition." + i + ".name", t.name());
            p.setProperty("partition." + i + ".parent.schema", t.parentSchema());
            p.setProperty("partition." + i + ".parent.name", t.parentName());
            p.setProperty("partition." + i + ".bound", t.bound());
        }
        p.setProperty("sequence.count", Integer.toString(sequences.size()));
        for (int i = 0; i < sequences.size(); i++) {
            Sequence s = sequences.get(i);
            p.setProperty("sequence." + i + ".schema", s.schema());
            p.setProperty("sequence." + i + ".name", s.name());
            if (s.lastValue() != null) {
                p.setProperty("sequence." + i + ".last-value", Long.toString(s.lastValue()));
            }
        }
        p.store(out, "Anhuan backup");
    }

    static BackupManifest read(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        if (!Integer.toString(FORMAT).equals(p.getProperty("format"))) {
            throw new IOException("Not an Anhuan backup of format " + FORMAT + " (format " + p.getProperty("format") + ")");
        }
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i < count(p, "table"); i++) {
            tables.add(new Table(get(p, "table." + i + ".schema"), get(p, "table." + i + ".name"),
                    get(p, "table." + i + ".columns"), Long.parseLong(get(p, "table." + i + ".rows"))));
        }
        List<Partition> partitions = new ArrayList<>();
        for (int i = 0; i < count(p, "partition"); i++) {
            String key = "partition." + i;
            partitions.add(new Partition(get(p, key + ".schema"), get(p, key + ".name"),
                    get(p, key + ".parent.schema"), get(p, key + ".parent.name"), get(p, key + ".bound")));
        }
        List<Sequence> sequences = new ArrayList<>();
        for (int i = 0; i < count(p, "sequence"); i++) {
            String value = p.getProperty("sequence." + i + ".last-value");
            sequences.add(new Sequence(get(p, "sequence." + i + ".schema"), get(p, "sequence." + i + ".name"),
                    value == null ? null : Long.valueOf(value)));
        }
        return new BackupManifest(get(p, "flyway.version"), get(p, "server.version"), get(p, "created"), tables,
                partitions, sequences, Integer.parseInt(get(p, "files")));
    }

    private static int count(Properties p, String kind) throws IOException {
        return Integer.parseInt(get(p, kind + ".count"));
    }

    private static String get(Properties p, String key) throws IOException {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IOException("Backup manifest lacks " + key);
        }
        return value;
    }
}
