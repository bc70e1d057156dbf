package cn.anhuan.enterprise;

import java.util.List;

/**
 * The columns of the import template and the export, in order: key and Chinese label. The template adds one
 * more, {@link #EXAMPLE}, whose cell marks its sample row so that an unchanged template imports nothing.
 */
final class EnterpriseColumns {

    record Column(String key, String label) {
        String header() {
            return label + "(" + key + ")";
        }

        /** The field of the record this column fills (its key in camel case), as the form and the API name it. */
        String field() {
            return EnterpriseColumns.field(key);
        }
    }

    /** The template's marker column: a row whose cell reads {@link #EXAMPLE_MARK} (or "example") is skipped. */
    static final Column EXAMPLE = new Column("example", "示例行标记");
    static final String EXAMPLE_MARK = "示例";

    static final List<Column> ALL = List.of(
            new Column("credit_code", "统一社会信用代码"), new Column("name", "企业名称"),
            new Column("region_code", "所在区县代码"), new Column("zone_code", "所在开发区代码"),
            new Column("address", "地址"), new Column("latitude", "纬度"), new Column("longitude", "经度"),
            new Column("industry_code", "监管行业"), new Column("gbt4754_code", "国民经济行业代码"),
            new Column("scale", "规模"), new Column("employees", "从业人数"),
            new Column("legal_representative", "法定代表人"), new Column("safety_manager", "安全管理负责人"),
            new Column("safety_manager_phone", "安全管理负责人电话"), new Column("standardization_grade", "标准化等级"),
            new Column("key_pollutant_unit", "重点排污单位"), new Column("status", "经营状态"));

    private EnterpriseColumns() {
    }

    /** Whether an import row is the template's sample row, marked in the {@link #EXAMPLE} column. */
    static boolean isExample(java.util.Map<String, String> row) {
        String mark = row.getOrDefault(EXAMPLE.key(), "").trim();
        return mark.equals(EXAMPLE_MARK) || mark.equalsIgnoreCase("example");
    }

    /** The camel-case field of a column key ({@code credit_code} → {@code creditCode}). */
    static String field(String key) {
        StringBuilder b = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char ch = key.charAt(i);
            if (ch == '_' && i + 1 < key.length()) {
                b.append(Character.toUpperCase(key.charAt(++i)));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** The key of a header cell: the text in parentheses of "标签(key)", else the key itself or the label. */
    static String keyOf(String header) {
        String h = header == null ? "" : header.trim();
        int open = Math.max(h.lastIndexOf('('), h.lastIndexOf('（'));
        if (open >= 0 && (h.endsWith(")") || h.endsWith("）"))) {
            return h.substring(open + 1, h.length() - 1).trim();
        }
        for (Column c : ALL) {
            if (c.label().equals(h)) {
                return c.key();
            }
        }
        return h.toLowerCase(java.util.Locale.ROOT);
    }
}
