package cn.anhuan.shared.db;

/** Quoting of identifiers read from the catalogue, so that any schema or table name is safe in SQL text. */
final class SqlNames {

    private SqlNames() {
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }
}
