package cn.anhuan.dashboard.web;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * One count on a home or county page and the list it links to. The count comes from the same service query, with
 * the same filter, as that list, so the two cannot disagree.
 *
 * @param id    the element id (tests and people find the count by it)
 * @param label message key of what is counted
 * @param value the count
 * @param href  the filtered list, relative to the application
 * @param tone  Bootstrap text colour for a count that calls for action when above zero (e.g. {@code danger})
 */
record Figure(String id, String label, long value, String href, String tone) {

    static Figure of(String id, String label, long value, String path, Object... query) {
        return new Figure(id, label, value, href(path, query), null);
    }

    Figure urgent() {
        return new Figure(id, label, value, href, "danger");
    }

    /** A path with query parameters given as name, value pairs (null values left out). */
    static String href(String path, Object... query) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        for (int i = 0; i < query.length; i += 2) {
            if (query[i + 1] != null) {
                uri.queryParam((String) query[i], query[i + 1]);
            }
        }
        return uri.build().toUriString();
    }
}
