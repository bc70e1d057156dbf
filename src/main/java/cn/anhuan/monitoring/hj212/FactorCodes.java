package cn.anhuan.monitoring.hj212;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The factor code table: HJ 212-2017 codes with their HJ/T 212-2005 equivalents, read from
 * {@code monitoring/factor-codes.csv}. Legacy codes are normalised to 2017 on ingest; unknown codes pass as sent.
 */
public final class FactorCodes {

    /** One factor. {@code medium} is GAS or WATER. */
    public record Factor(String code, String legacyCode, String medium, String unit, String nameZh, String nameEn) {
    }

    private static final FactorCodes STANDARD = load();

    private final Map<String, Factor> byCode;
    private final Map<String, Factor> byLegacy;

    private FactorCodes(Map<String, Factor> byCode, Map<String, Factor> byLegacy) {
        this.byCode = byCode;
        this.byLegacy = byLegacy;
    }

    public static FactorCodes standard() {
        return STANDARD;
    }

    /** The 2017 code for a code as sent: a legacy code is mapped, anything else is returned unchanged. */
    public String normalise(String sent) {
        Factor legacy = byLegacy.get(sent);
        return legacy == null ? sent : legacy.code();
    }

    /** Whether a code as sent is a 2005 code that was mapped. */
    public boolean isLegacy(String sent) {
        return byLegacy.containsKey(sent);
    }

    public Factor get(String code) {
        return byCode.get(code);
    }

    public Collection<Factor> all() {
        return byCode.values();
    }

    private static FactorCodes load() {
        Map<String, Factor> byCode = new LinkedHashMap<>();
        Map<String, Factor> byLegacy = new HashMap<>();
        try (InputStream in = FactorCodes.class.getResourceAsStream("/monitoring/factor-codes.csv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                Factor factor = new Factor(f[1], f[2].isEmpty() ? null : f[2], f[3], f[4], f[5], f[6]);
                byCode.put(factor.code(), factor);
                if (factor.legacyCode() != null) {
                    byLegacy.put(factor.legacyCode(), factor);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FactorCodes(byCode, byLegacy);
    }
}
