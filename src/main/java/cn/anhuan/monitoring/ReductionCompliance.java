package cn.anhuan.monitoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.anhuan.air.ReductionItem;
import cn.anhuan.air.ReductionList;
import cn.anhuan.air.WarningService;
import cn.anhuan.air.WarningView;
import cn.anhuan.audit.AuditTrail;
import cn.anhuan.enterprise.EnterpriseService;
import cn.anhuan.enterprise.EnterpriseView;
import cn.anhuan.hazard.HazardService;
import cn.anhuan.hazard.HazardView;
import cn.anhuan.hazard.ReportHazard;
import cn.anhuan.shared.Actor;
import cn.anhuan.shared.BusinessRuleException;
import cn.anhuan.shared.DataScope;
import cn.anhuan.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * During a heavy-pollution warning: did the enterprises on the emergency reduction list cut what their measures
 * promise? For each line of the active level and each pollutant with a promised cut, the enterprise's measured
 * emission rate (concentration × flue-gas flow, summed over its devices) while the level holds is compared with
 * its rate over the days before the warning less the promised cut. Lines that did not fall as promised, or
 * cannot be checked because data is missing, are listed for inspection; one action opens a hazard.
 */
@Service
@Transactional(readOnly = true)
public class ReductionCompliance {

    /** Reduction-list pollutants and the HJ 212 factors measured for them (stack dust for particulates). */
    static final Map<String, String> FACTORS = new LinkedHashMap<>(Map.of("SO2", "a21026", "NOX", "a21002",
            "PM", "a34013", "VOCS", "a24088"));
    static final String FLOW = "a00000";
    /** mg/s to t/d. */
    private static final double MG_PER_S_TO_T_PER_D = 86_400 / 1e9;

    private final JdbcClient jdbc;
    private final WarningService warnings;
    private final ReductionList reductionList;
    private final EnterpriseService enterprises;
    private final HazardService hazards;
    private final AuditTrail audit;
    private final MonitoringProperties properties;
    private final Clock clock;

    ReductionCompliance(JdbcClient jdbc, WarningService warnings, ReductionList reductionList,
                        EnterpriseService enterprises, HazardService hazards, AuditTrail audit,
                        MonitoringProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.warnings = warnings;
        this.reductionList = reductionList;
        this.enterprises = enterprises;
        this.hazards = hazards;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a line's check found. */
    public enum Verdict {
        /** Measured at or below the promise (within the tolerance). */
        REDUCED,
        /** Measured above the baseline less the promised cut: listed for inspection. */
        NOT_REDUCED,
        /** No valid data while the level holds: listed for inspection. */
        NO_DATA,
        /** No valid data in the baseline days: cannot be judged. */
        NO_BASELINE,
        /** The enterprise has no monitoring device for this pollutant's stack. */
        NO_DEVICE;

        public boolean forInspection() {
            return this == NOT_REDUCED || this == NO_DATA;
        }
    }

    /**
     * One pollutant of one reduction-list line. Rates in t/d; {@code expected} is the baseline less the promised
     * cut (not below zero).
     */
    public record Line(long itemId, String enterpriseCode, String enterpriseName, String regionCode, String measures,
                       String pollutant, String factor, BigDecimal promisedCut, Double baseline, Double measured,
                       Double expected, int devices, long baselineValues, long measuredValues, Verdict verdict,
                       Long hazardId) {
    }

    /** The check for the active warning; {@code warning} is null (and no lines) when none is active. */
    public record Report(WarningView warning, Instant baselineFrom, Instant from, Instant to, int tolerancePercent,
                         List<Line> lines) {
    }

    public Report check() {
        Optional<WarningView> active = warnings.active();
        Instant now = clock.instant();
        if (active.isEmpty()) {
            return new Report(null, null, null, now, properties.reduction().tolerancePercent(), List.of());
        }
        WarningView w = active.get();
        Instant from = levelSince(w);
        Instant baselineFrom = w.startsAt().minus(Duration.ofDays(properties.reduction().baselineDays()));
        DataScope scope = DataScope.current();
        Map<Long, Long> followUps = followUps(w.id());
        List<ReductionItem> items = reductionList.items(w.level()).stream()
                .filter(i -> scope.enterpriseCode() == null || scope.enterpriseCode().equals(i.enterpriseCode()))
                .toList();
        if (!scope.allIndustries()) {
            // the list is kept by county; a department supervisor sees only enterprises of its industries
            var visible = enterprises.visibleCreditCodes(items.stream().map(ReductionItem::enterpriseCode).toList());
            items = items.stream().filter(i -> visible.contains(i.enterpriseCode())).toList();
        }
        List<String> codes = items.stream().map(ReductionItem::enterpriseCode).distinct().toList();
        Map<String, Rate> before = rates(codes, baselineFrom, w.startsAt());
        Map<String, Rate> during = rates(codes, from, now);
        Map<String, Integer> devices = gasDevices(codes);
        List<Line> lines = new ArrayList<>();
        for (ReductionItem item : items) {
            Map<String, BigDecimal> promised = Map.of("SO2", item.so2(), "NOX", item.nox(), "PM", item.pm(),
                    "VOCS", item.vocs());
            for (var f : FACTORS.entrySet()) {
                BigDecimal cut = promised.get(f.getKey());
                if (cut == null || cut.signum() <= 0) {
                    continue;
                }
                String key = item.enterpriseCode() + "|" + f.getValue();
                lines.add(line(item, f.getKey(), f.getValue(), cut, devices.getOrDefault(item.enterpriseCode(), 0),
                        before.getOrDefault(key, Rate.NONE), during.getOrDefault(key, Rate.NONE),
                        followUps.get(item.id())));
            }
        }
        lines.sort(Comparator.comparing((Line l) -> !l.verdict().forInspection()).thenComparing(Line::regionCode)
                .thenComparing(Line::enterpriseCode));
        return new Report(w, baselineFrom, from, now, properties.reduction().tolerancePercent(), lines);
    }

    private Line line(ReductionItem item, String pollutant, String factor, BigDecimal cut, int devices, Rate before,
                      Rate during, Long hazardId) {
        Verdict verdict;
        Double expected = null;
        if (devices == 0) {
            verdict = Verdict.NO_DEVICE;
        } else if (before.values() == 0) {
            verdict = Verdict.NO_BASELINE;
        } else if (during.values() == 0) {
            verdict = Verdict.NO_DATA;
        } else {
            expected = Math.max(0, before.tonnesPerDay() - cut.doubleValue());
            double allowed = expected + cut.doubleValue() * properties.reduction().tolerancePercent() / 100.0;
            verdict = during.tonnesPerDay() > allowed ? Verdict.NOT_REDUCED : Verdict.REDUCED;
        }
        return new Line(item.id(), item.enterpriseCode(), item.enterpriseName(), item.regionCode(), item.measures(),
                pollutant, factor, cut, before.values() == 0 ? null : before.tonnesPerDay(),
                during.values() == 0 ? null : during.tonnesPerDay(), expected, devices, before.values(),
                during.values(), verdict, hazardId);
    }

    /**
     * When the active level began: the last level change, else the warning's start. A raised level promises
     * more, so it is judged from when it was raised.
     */
    private static Instant levelSince(WarningView w) {
        return w.changes().stream().filter(c -> !"ISSUED".equals(c.action()) && c.toLevel() == w.level())
                .map(WarningView.Change::at)
                .max(Comparator.naturalOrder()).filter(at -> at.isAfter(w.startsAt())).orElse(w.startsAt());
    }

    /** Valid paired values and an enterprise's emission rate of one factor in t/d over a window. */
    record Rate(long values, double tonnesPerDay) {
        static final Rate NONE = new Rate(0, 0);
    }

    /**
     * The mean emission rate of every listed factor of every given enterprise over {@code [from, to)}, keyed
     * {@code creditCode|factor}, in one query: per device, concentration (mg/m³) times flue-gas flow (m³/s) of
     * the same record, normal values only (flag N), from the finest granularity the device sent in the window
     * (hourly, else minute, else real-time, so no record counts twice); an enterprise's devices summed.
     */
    Map<String, Rate> rates(List<String> creditCodes, Instant from, Instant to) {
        if (creditCodes.isEmpty()) {
            return Map.of();
        }
        record PerCn(String key, long device, int cn, long n, double mgPerS) {
        }
        Map<String, PerCn> best = new HashMap<>();
        jdbc.sql("""
                select d.credit_code, r.pollutant, r.device_id, r.cn, count(*) as n,
                       avg(coalesce(r.avg, r.rtd) * coalesce(f.avg, f.rtd)) as rate
                from monitoring.device d
                join monitoring.reading r on r.device_id = d.id and r.pollutant = any(string_to_array(:factors, ','))
                     and r.data_time >= :from and r.data_time < :to
                join monitoring.reading f on f.device_id = r.device_id and f.pollutant = :flow and f.cn = r.cn
                     and f.data_time = r.data_time
                where d.credit_code = any(string_to_array(:codes, ',')) and r.cn in (2011, 2051, 2061)
                  and coalesce(r.flag, 'N') = 'N' and coalesce(f.flag, 'N') = 'N'
                  and coalesce(r.avg, r.rtd) is not null and coalesce(f.avg, f.rtd) is not null
                group by d.credit_code, r.pollutant, r.device_id, r.cn""")
                .param("factors", String.join(",", FACTORS.values())).param("flow", FLOW)
                .param("codes", String.join(",", creditCodes))
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    PerCn p = new PerCn(rs.getString(1) + "|" + rs.getString(2), rs.getLong(3), rs.getInt(4),
                            rs.getLong(5), rs.getDouble(6));
                    best.merge(p.key() + "|" + p.device(), p, (a, b) -> a.cn() >= b.cn() ? a : b);
                });
        Map<String, Rate> rates = new HashMap<>();
        for (PerCn p : best.values()) {
            rates.merge(p.key(), new Rate(p.n(), p.mgPerS() * MG_PER_S_TO_T_PER_D),
                    (a, b) -> new Rate(a.values() + b.values(), a.tonnesPerDay() + b.tonnesPerDay()));
        }
        return rates;
    }

    /** Flue-gas monitoring devices per enterprise. */
    private Map<String, Integer> gasDevices(List<String> creditCodes) {
        Map<String, Integer> m = new HashMap<>();
        if (!creditCodes.isEmpty()) {
            jdbc.sql("""
                    select credit_code, count(*) from monitoring.device
                    where credit_code = any(string_to_array(:codes, ',')) and system_type = '31' group by credit_code""")
                    .param("codes", String.join(",", creditCodes))
                    .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> m.put(rs.getString(1), rs.getInt(2)));
        }
        return m;
    }

    private Map<Long, Long> followUps(long warningId) {
        Map<Long, Long> m = new HashMap<>();
        jdbc.sql("select item_id, hazard_id from monitoring.reduction_followup where warning_id = :w")
                .param("w", warningId)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> m.put(rs.getLong(1), rs.getLong(2)));
        return m;
    }

    /**
     * Opens a hazard on the enterprise of a line listed for inspection, once per warning and line, with the
     * figures in its description.
     */
    @Transactional
    @PreAuthorize(AlarmService.GOVERNMENT)
    public HazardView openHazard(long itemId) {
        Report report = check();
        if (report.warning() == null) {
            throw new BusinessRuleException("warning", "monitoring.reduction.noWarning");
        }
        List<Line> lines = report.lines().stream().filter(l -> l.itemId() == itemId).toList();
        if (lines.isEmpty()) {
            throw new NotFoundException("reduction-item", itemId);
        }
        if (lines.get(0).hazardId() != null) {
            throw new BusinessRuleException("itemId", "monitoring.reduction.hazardExists", lines.get(0).hazardId());
        }
        List<Line> flagged = lines.stream().filter(l -> l.verdict().forInspection()).toList();
        if (flagged.isEmpty()) {
            throw new BusinessRuleException("itemId", "monitoring.reduction.notFlagged");
        }
        Line first = flagged.get(0);
        EnterpriseView e = enterprises.byCreditCode(first.enterpriseCode())
                .orElseThrow(() -> new BusinessRuleException("itemId", "monitoring.enterprise.unknown",
                        first.enterpriseCode()));
        WarningView w = report.warning();
        StringBuilder text = new StringBuilder("重污染天气").append(w.level().name()).append("级预警期间（")
                .append(w.documentNo() == null ? "#" + w.id() : w.documentNo())
                .append("）未按应急减排清单落实减排措施「").append(first.measures()).append("」：");
        for (Line l : flagged) {
            text.append(l.pollutant()).append(l.verdict() == Verdict.NO_DATA ? " 预警期间无有效监测数据；"
                    : String.format(" 基准 %.3f t/d，承诺减排 %s t/d，应不高于 %.3f t/d，实测 %.3f t/d；", l.baseline(),
                    l.promisedCut().toPlainString(), l.expected(), l.measured()));
        }
        HazardView h = hazards.report(new ReportHazard(e.id(), "应急减排措施落实", text.toString(), "MANAGEMENT",
                "GENERAL", null, "GOVERNMENT", clock.instant()));
        jdbc.sql("""
                insert into monitoring.reduction_followup (warning_id, item_id, hazard_id, created_by, created_at)
                values (:w, :i, :h, :by, :now)""")
                .param("w", w.id()).param("i", itemId).param("h", h.id()).param("by", Actor.name())
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        audit.record("monitoring.reduction.hazardOpened", "air-reduction-item", itemId, first.regionCode(), null,
                Map.of("warningId", w.id(), "hazardId", h.id(), "pollutants",
                        String.join(",", flagged.stream().map(Line::pollutant).toList())));
        return h;
    }
}
