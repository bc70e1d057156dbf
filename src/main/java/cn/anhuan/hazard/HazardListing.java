package cn.anhuan.hazard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.anhuan.audit.AuditTrail;
import cn.anhuan.shared.Actor;
import cn.anhuan.shared.BusinessRuleException;
import cn.anhuan.shared.InvalidInputException;
import cn.anhuan.shared.InvalidInputException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Listing of major hazards for supervised rectification (挂牌督办) by city or county supervisors, and delisting
 * (摘牌) only after the hazard was accepted and closed. Both are steps of the hazard's timeline and audited.
 */
@Service
@Transactional(readOnly = true)
public class HazardListing {

    static final String SUPERVISORS = "hasAnyRole('SYSTEM_ADMIN', 'CITY_SUPERVISOR', 'DEPARTMENT_SUPERVISOR', "
            + "'COUNTY_SUPERVISOR')";

    private final JdbcClient jdbc;
    private final HazardService hazards;
    private final AuditTrail audit;
    private final Clock clock;

    HazardListing(JdbcClient jdbc, HazardService hazards, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.hazards = hazards;
        this.audit = audit;
        this.clock = clock;
    }

    /** The listing of a hazard the caller may see, if any. */
    public Optional<Listing> find(long hazardId) {
        hazards.get(hazardId);
        return jdbc.sql("select * from hazard.listing where hazard_id = :h").param("h", hazardId)
                .query(HazardListing::map).optional();
    }

    @Transactional
    @PreAuthorize(SUPERVISORS)
    public Listing list(long hazardId, Listing.Command c) {
        HazardView h = hazards.get(hazardId);
        if (!"MAJOR".equals(h.level())) {
            throw new BusinessRuleException("level", "hazard.listing.majorOnly");
        }
        if (h.status() == HazardStatus.CLOSED) {
            throw new BusinessRuleException("status", "hazard.listing.closed");
        }
        if (find(hazardId).isPresent()) {
            throw new BusinessRuleException("documentNo", "hazard.listing.already");
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (var f : Map.of("documentNo", nz(c.documentNo()), "supervisingUnit", nz(c.supervisingUnit()),
                "supervisor", nz(c.supervisor())).entrySet()) {
            if (f.getValue().isBlank()) {
                problems.add(new FieldProblem(f.getKey(), "hazard.field.required", f.getKey()));
            }
        }
        if (c.deadline() == null || c.deadline().isBefore(LocalDate.now(clock))) {
            problems.add(new FieldProblem("deadline", "hazard.deadline.past"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        OffsetDateTime now = now();
        jdbc.sql("""
                insert into hazard.listing (hazard_id, document_no, supervising_unit, supervisor, deadline, public_notice,
                    listed_by, listed_at)
                values (:h, :doc, :unit, :person, :deadline, :public, :by, :now)""")
                .param("h", hazardId).param("doc", c.documentNo().trim()).param("unit", c.supervisingUnit().trim())
                .param("person", c.supervisor().trim()).param("deadline", c.deadline())
                .param("public", !Boolean.FALSE.equals(c.publicNotice())).param("by", user()).param("now", now).update();
        hazards.step(hazardId, "LIST", h.status(), h.status(), c.documentNo().trim(), now);
        audit.record("hazard.listed", "hazard", hazardId, h.regionCode(), null,
                Map.of("documentNo", c.documentNo().trim(), "supervisingUnit", c.supervisingUnit().trim(),
                        "deadline", c.deadline().toString()));
        return find(hazardId).orElseThrow();
    }

    @Transactional
    @PreAuthorize(SUPERVISORS)
    public Listing delist(long hazardId, String note) {
        HazardView h = hazards.get(hazardId);
        Listing listing = find(hazardId).filter(l -> l.delistedAt() == null)
                .orElseThrow(() -> new BusinessRuleException("status", "hazard.listing.none"));
        if (h.status() != HazardStatus.CLOSED) {
            throw new BusinessRuleException("status", "hazard.listing.notClosed");
        }
        OffsetDateTime now = now();
        jdbc.sql("update hazard.listing set delisted_by = :by, delisted_at = :now, delist_note = :note where hazard_id = :h")
                .param("by", user()).param("now", now).param("note", note).param("h", hazardId).update();
        hazards.step(hazardId, "DELIST", h.status(), h.status(), note, now);
        audit.record("hazard.delisted", "hazard", hazardId, h.regionCode(), Map.of("documentNo", listing.documentNo()),
                Map.of("delisted", true, "note", nz(note)));
        return find(hazardId).orElseThrow();
    }


    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String user() {
        return Actor.name();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static Listing map(ResultSet rs, int n) throws SQLException {
        OffsetDateTime delisted = rs.getObject("delisted_at", OffsetDateTime.class);
        return new Listing(rs.getLong("hazard_id"), rs.getString("document_no"), rs.getString("supervising_unit"),
                rs.getString("supervisor"), rs.getObject("deadline", LocalDate.class), rs.getBoolean("public_notice"),
                rs.getString("listed_by"), rs.getObject("listed_at", OffsetDateTime.class).toInstant(),
                rs.getString("delisted_by"), delisted == null ? null : delisted.toInstant(), rs.getString("delist_note"));
    }
}
