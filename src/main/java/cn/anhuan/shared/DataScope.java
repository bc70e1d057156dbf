package cn.anhuan.shared;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the current user may see. Every module applies it inside its own queries, so no path (page, API,
 * export) can show a record outside it.
 *
 * @param unrestricted  sees every region (city-level roles)
 * @param regionCodes   the region codes visible when not unrestricted (a subtree, pre-expanded)
 * @param industryCodes regulatory industries a department supervisor is limited to; {@code null} means all
 * @param enterpriseCode the unified social credit code of the only enterprise an enterprise user may see;
 *                       {@code null} for government users
 * @param zoneCodes     those of {@code regionCodes} that are development zones: an enterprise carries a zone only
 *                      in {@code zone_code} and a county only in {@code region_code}, so the scope predicate can
 *                      test each column against its own codes (and use an index for a single county)
 */
public record DataScope(boolean unrestricted, Set<String> regionCodes, Set<String> industryCodes, String enterpriseCode,
                        Set<String> zoneCodes) implements java.io.Serializable {

    public DataScope {
        regionCodes = regionCodes == null ? Set.of() : Set.copyOf(regionCodes);
        industryCodes = industryCodes == null ? null : Set.copyOf(industryCodes);
        zoneCodes = zoneCodes == null ? Set.of() : Set.copyOf(zoneCodes);
        if (!regionCodes.containsAll(zoneCodes)) {
            throw new IllegalArgumentException("zone codes must be among the region codes");
        }
    }

    /** A scope without development zones. */
    public DataScope(boolean unrestricted, Set<String> regionCodes, Set<String> industryCodes, String enterpriseCode) {
        this(unrestricted, regionCodes, industryCodes, enterpriseCode, Set.of());
    }

    public static DataScope everything() {
        return new DataScope(true, Set.of(), null, null);
    }

    public static DataScope nothing() {
        return new DataScope(false, Set.of(), Set.of(), null);
    }

    public static DataScope regions(Set<String> regionCodes) {
        return new DataScope(false, regionCodes, null, null);
    }

    /** The scope of the authenticated user of this thread; nothing when nobody is authenticated. */
    public static DataScope current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ScopedPrincipal principal) {
            return principal.scope();
        }
        return nothing();
    }

    public boolean seesRegion(String regionCode) {
        return unrestricted || regionCodes.contains(regionCode);
    }

    public boolean seesIndustry(String industryCode) {
        return industryCodes == null || industryCodes.contains(industryCode);
    }

    /**
     * Region codes joined by commas, for SQL of the form {@code region_code = any(string_to_array(:regions, ','))};
     * meaningful only when not unrestricted.
     */
    public String regionList() {
        return String.join(",", regionCodes);
    }

    /** The visible region codes that are not development zones (counties and above). */
    public java.util.List<String> countyCodes() {
        return regionCodes.stream().filter(c -> !zoneCodes.contains(c)).sorted().toList();
    }

    /** Industry codes joined by commas, used like {@link #regionList()}; empty when all industries are visible. */
    public String industryList() {
        return industryCodes == null ? "" : String.join(",", industryCodes);
    }

    public boolean allIndustries() {
        return industryCodes == null;
    }
}
