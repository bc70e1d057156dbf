package cn.anhuan.enterprise;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.anhuan.audit.AuditTrail;
import cn.anhuan.shared.BusinessRuleException;
import cn.anhuan.shared.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An enterprise's licences and major hazard installations. Every call first finds the enterprise within the
 * caller's scope, so an out-of-scope enterprise is "not found" here too.
 */
@Service
@Transactional(readOnly = true)
public class EnterpriseRecords {

    private final JdbcClient jdbc;
    private final EnterpriseService enterprises;
    private final AuditTrail audit;
    private final Clock clock;

    EnterpriseRecords(JdbcClient jdbc, EnterpriseService enterprises, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Licence> licences(long enterpriseId) {
        enterprises.get(enterpriseId);
        return jdbc.sql("select * from enterprise.licence where enterprise_id = :e order by expires_on")
                .param("e", enterpriseId)
                .query((rs, n) -> new Licence(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("kind"),
                        rs.getString("number"), rs.getString("issuer"), rs.getObject("issued_on", LocalDate.class),
                        rs.getObject("expires_on", LocalDate.class)))
                .list();
    }

    /** Licences in the caller's scope that expire within {@code days} (or already expired), soonest first. */
    public List<ExpiringLicence> expiring(int days) {
        return EnterpriseService.scoped(jdbc.sql("""
                select l.id, l.kind, l.number, l.expires_on, e.id as enterprise_id, e.name, e.region_code
                """ + expiringFrom() + " order by l.expires_on limit " + EXPIRING_LIMIT))
                .param("until", LocalDate.now(clock).plusDays(days))
                .query((rs, n) -> new ExpiringLicence(rs.getLong("id"), rs.getString("kind"), rs.getString("number"),
                        rs.getObject("expires_on", LocalDate.class), rs.getLong("enterprise_id"), rs.getString("name"),
                        rs.getString("region_code")))
                .list();
    }

    /** How many licences {@link #expiring} finds (the same conditions; the list shows at most 500). */
    public long countExpiring(int days) {
        return EnterpriseService.scoped(jdbc.sql("select count(*) " + expiringFrom()))
                .param("until", LocalDate.now(clock).plusDays(days)).query(Long.class).single();
    }

    /** The most licences {@link #expiring} lists. */
    public static final int EXPIRING_LIMIT = 500;

    private static String expiringFrom() {
        return "from enterprise.licence l join enterprise.enterprise e on e.id = l.enterprise_id "
                + "where l.expires_on <= :until and e.status <> 'CLOSED' and " + ScopeSql.enterprise("e.");
    }

    @Transactional
    @PreAuthorize(EnterpriseService.EDITORS)
    public Licence addLicence(long enterpriseId, Licence l) {
        EnterpriseView e = enterprises.get(enterpriseId);
        if (l.issuedOn() != null && l.expiresOn().isBefore(l.issuedOn())) {
            throw new BusinessRuleException("expiresOn", "enterprise.licence.expiresBeforeIssued");
        }
        long id = jdbc.sql("""
                insert into enterprise.licence (enterprise_id, kind, number, issuer, issued_on, expires_on)
                values (:e, :kind, :number, :issuer, :issued, :expires)
                on conflict (enterprise_id, kind, number) do nothing returning id""")
                .param("e", enterpriseId).param("kind", l.kind()).param("number", l.number().trim())
                .param("issuer", l.issuer()).param("issued", l.issuedOn()).param("expires", l.expiresOn())
                .query(Long.class).optional()
                .orElseThrow(() -> new BusinessRuleException("number", "enterprise.licence.duplicate", l.number()));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("enterpriseId", enterpriseId);
        fields.put("kind", l.kind());
        fields.put("number", l.number().trim());
        fields.put("expiresOn", l.expiresOn().toString());
        audit.record("enterprise.licence.added", "enterprise", enterpriseId, e.regionCode(), null, fields);
        return new Licence(id, enterpriseId, l.kind(), l.number().trim(), l.issuer(), l.issuedOn(), l.expiresOn());
    }

    public List<MajorHazard> majorHazards(long enterpriseId) {
        enterprises.get(enterpriseId);
        return jdbc.sql("select * from enterprise.major_hazard where enterprise_id = :e order by level, id")
                .param("e", enterpriseId)
                .query((rs, n) -> new MajorHazard(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("name"),
                        rs.getInt("exposed_people"), rs.getBigDecimal("alpha"), rs.getBigDecimal("r_value"),
                        rs.getInt("level"), substances(rs.getLong("id"))))
                .list();
    }

    /** The enterprise's most severe major-hazard level (1 is the most severe), or null without any. */
    public Integer highestMajorHazardLevel(long enterpriseId) {
        enterprises.get(enterpriseId);
        return jdbc.sql("select min(level) from enterprise.major_hazard where enterprise_id = :e")
                .param("e", enterpriseId).query(Integer.class).optional().orElse(null);
    }

    @Transactional
    @PreAuthorize(EnterpriseService.EDITORS)
    public MajorHazard addMajorHazard(long enterpriseId, MajorHazard h) {
        EnterpriseView e = enterprises.get(enterpriseId);
        for (int i = 0; i < h.substances().size(); i++) {
            MajorHazardRule.Substance s = h.substances().get(i);
            if (s.category() == null || s.name() == null || s.name().isBlank() || s.quantity() == null
                    || s.quantity().signum() < 0 || s.critical() == null || s.critical().signum() <= 0) {
                throw new BusinessRuleException("substances[" + i + "]", "enterprise.hazard.substance", i + 1);
            }
        }
        BigDecimal r = MajorHazardRule.r(h.exposedPeople(), h.substances());
        int level = MajorHazardRule.level(r);
        BigDecimal alpha = MajorHazardRule.alpha(h.exposedPeople());
        long id = jdbc.sql("""
                insert into enterprise.major_hazard (enterprise_id, name, exposed_people, alpha, r_value, level)
                values (:e, :name, :people, :alpha, :r, :level) returning id""")
                .param("e", enterpriseId).param("name", h.name().trim()).param("people", h.exposedPeople())
                .param("alpha", alpha).param("r", r).param("level", level).query(Long.class).single();
        for (int i = 0; i < h.substances().size(); i++) {
            MajorHazardRule.Substance s = h.substances().get(i);
            jdbc.sql("""
                    insert into enterprise.major_hazard_substance (hazard_id, position, name, category, beta, quantity_t,
                                                                   critical_t)
                    values (:h, :p, :name, :category, :beta, :q, :critical)""")
                    .param("h", id).param("p", i).param("name", s.name().trim()).param("category", s.category().name())
                    .param("beta", s.category().beta()).param("q", s.quantity()).param("critical", s.critical())
                    .update();
        }
        audit.record("enterprise.major-hazard.added", "enterprise", enterpriseId, e.regionCode(), null,
                Map.of("name", h.name().trim(), "rValue", r.toPlainString(), "level", level));
        return new MajorHazard(id, enterpriseId, h.name().trim(), h.exposedPeople(), alpha, r, level, h.substances());
    }

    private List<MajorHazardRule.Substance> substances(long hazardId) {
        return new ArrayList<>(jdbc.sql("""
                select name, category, quantity_t, critical_t from enterprise.major_hazard_substance
                where hazard_id = :h order by position""").param("h", hazardId)
                .query((rs, n) -> new MajorHazardRule.Substance(rs.getString(1),
                        MajorHazardRule.Category.valueOf(rs.getString(2)), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .list());
    }

    /** The most severe major-hazard level of every enterprise in the caller's scope that has one. */
    public Map<Long, Integer> highestMajorHazardLevels() {
        Map<Long, Integer> levels = new java.util.HashMap<>();
        ScopeSql.bind(jdbc.sql("""
                select h.enterprise_id, min(h.level) from enterprise.major_hazard h
                join enterprise.enterprise e on e.id = h.enterprise_id
                where """ + ScopeSql.enterprise("e.") + " group by h.enterprise_id"))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> levels.put(rs.getLong(1), rs.getInt(2)));
        return levels;
    }

    /** A licence that expires soon, with its enterprise. */
    public record ExpiringLicence(long id, String kind, String number, LocalDate expiresOn, long enterpriseId,
                                  String enterpriseName, String regionCode) {
    }
}
