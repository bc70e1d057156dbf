package cn.anhuan.enterprise;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Budgets of an enterprise import, so that a small upload cannot expand into a large amount of work or memory.
 *
 * @param maxBytes        the largest accepted file (Excel or CSV), as uploaded
 * @param maxRows         the most data rows in one file (more are refused, never cut off)
 * @param maxEntryBytes   the largest part of an .xlsx (a ZIP entry) once expanded
 * @param minInflateRatio the smallest accepted ratio of compressed to expanded size of an .xlsx part (0.01: a
 *                        part may expand to at most 100 times its compressed size)
 */
@ConfigurationProperties("anhuan.enterprise.import")
record ImportProperties(@DefaultValue("10485760") long maxBytes, @DefaultValue("50000") int maxRows,
                        @DefaultValue("104857600") long maxEntryBytes, @DefaultValue("0.01") double minInflateRatio) {
}
