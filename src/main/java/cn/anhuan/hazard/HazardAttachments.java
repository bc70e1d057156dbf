package cn.anhuan.hazard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.anhuan.audit.AuditTrail;
import cn.anhuan.shared.Actor;
import cn.anhuan.shared.BusinessRuleException;
import cn.anhuan.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Photos (JPEG, PNG) and PDF documents of hazards: the type is decided by the file's first bytes, never by its
 * name; the size and an image's pixel count are limited; images get an upright thumbnail; files live on disk
 * outside the database and reach their place only when their row commits; every read goes through the hazard,
 * so the caller's scope applies to downloads too.
 */
@Service
@Transactional(readOnly = true)
public class HazardAttachments {

    private final JdbcClient jdbc;
    private final HazardService hazards;
    private final AuditTrail audit;
    private final FileProperties files;
    private final Thumbnails thumbnails;
    private final AttachmentFiles stored;
    private final TransactionTemplate writes;
    private final Clock clock;

    HazardAttachments(JdbcClient jdbc, HazardService hazards, AuditTrail audit, FileProperties files,
                      Thumbnails thumbnails, AttachmentFiles stored, PlatformTransactionManager transactions,
                      Clock clock) {
        this.jdbc = jdbc;
        this.hazards = hazards;
        this.audit = audit;
        this.files = files;
        this.thumbnails = thumbnails;
        this.stored = stored;
        this.writes = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public List<Attachment> list(long hazardId) {
        hazards.get(hazardId);
        return jdbc.sql("select * from hazard.attachment where hazard_id = :h order by id").param("h", hazardId)
                .query((rs, n) -> new Attachment(rs.getLong("id"), rs.getLong("hazard_id"), rs.getString("stage"),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size"),
                        rs.getString("sha256"), rs.getBoolean("has_thumbnail"), rs.getString("uploaded_by"),
                        rs.getObject("uploaded_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * Checks and stores a file of a hazard the caller may see. The checks and the thumbnail run before the
     * transaction that writes (or inside the caller's, if any), so an upload waiting for its turn to decode holds
     * no database connection.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    @PreAuthorize(HazardService.ACTORS)
    public Attachment upload(long hazardId, String stage, String fileName, byte[] bytes) {
        HazardView h = hazards.get(hazardId);
        if (!"FOUND".equals(stage) && !"RECTIFIED".equals(stage)) {
            throw new BusinessRuleException("stage", "hazard.file.stage", stage);
        }
        if (bytes.length == 0 || bytes.length > files.maxBytes()) {
            throw new BusinessRuleException("file", "hazard.file.size", files.maxBytes() / (1024 * 1024));
        }
        String type = detect(bytes);
        if (type == null) {
            throw new BusinessRuleException("file", "hazard.file.type");
        }
        byte[] thumbnail = type.startsWith("image/") ? thumbnails.of(bytes) : null;
        String key = clock.instant().atZone(ZoneOffset.UTC).getYear() + "/" + UUID.randomUUID();
        String sha256 = sha256(bytes);
        String safeName = fileName == null || fileName.isBlank() ? "file"
                : Path.of(fileName).getFileName().toString().replaceAll("[\\r\\n\"]", "_");
        return writes.execute(status -> insert(h, stage, safeName, type, bytes, sha256, key, thumbnail));
    }

    private Attachment insert(HazardView h, String stage, String safeName, String type, byte[] bytes, String sha256,
                              String key, byte[] thumbnail) {
        long hazardId = h.id();
        long id = jdbc.sql("""
                insert into hazard.attachment (hazard_id, stage, file_name, content_type, size, sha256, storage_key,
                    has_thumbnail, uploaded_by, uploaded_at)
                values (:h, :stage, :name, :type, :size, :sha, :key, :thumb, :by, :now) returning id""")
                .param("h", hazardId).param("stage", stage).param("name", safeName).param("type", type)
                .param("size", bytes.length).param("sha", sha256).param("key", key)
                .param("thumb", thumbnail != null).param("by", Actor.name())
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).query(Long.class).single();
        audit.record("hazard.file.added", "hazard", hazardId, h.regionCode(), null,
                Map.of("attachment", id, "stage", stage, "type", type, "size", bytes.length, "sha256", sha256));
        stored.storeOnCommit(key, bytes, thumbnail);
        return list(hazardId).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    /** The bytes of an attachment (or its thumbnail) of a hazard the caller may see. */
    public Download download(long hazardId, long attachmentId, boolean thumbnail) {
        hazards.get(hazardId);
        var row = jdbc.sql("select * from hazard.attachment where id = :id and hazard_id = :h")
                .param("id", attachmentId).param("h", hazardId).query().listOfRows();
        if (row.isEmpty() || (thumbnail && !Boolean.TRUE.equals(row.get(0).get("has_thumbnail")))) {
            throw new NotFoundException("attachment", attachmentId);
        }
        String key = (String) row.get(0).get("storage_key");
        try {
            byte[] bytes = Files.readAllBytes(thumbnail ? stored.thumbnailPath(key) : stored.path(key));
            return new Download(thumbnail ? "image/jpeg" : (String) row.get(0).get("content_type"),
                    (String) row.get(0).get("file_name"), bytes);
        } catch (IOException e) {
            throw new NotFoundException("attachment", attachmentId);
        }
    }

    /** The content type from the magic bytes: JPEG, PNG or PDF; anything else is refused. */
    static String detect(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
                && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "image/png";
        }
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        return null;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bytes to send, with their type and the original file name. */
    public record Download(String contentType, String fileName, byte[] bytes) {
    }
}
