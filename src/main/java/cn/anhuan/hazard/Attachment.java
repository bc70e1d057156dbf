package cn.anhuan.hazard;

import java.time.Instant;

/** A photo or document of a hazard, as checked and stored. */
public record Attachment(long id, long hazardId, String stage, String fileName, String contentType, long size,
                         String sha256, boolean hasThumbnail, String uploadedBy, Instant uploadedAt) {

    public boolean image() {
        return contentType.startsWith("image/");
    }
}
