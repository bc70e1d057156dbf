package cn.anhuan.hazard;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.Size;

/** The listing (挂牌督办) of a major hazard; {@code delistedAt} is set once it is taken off (摘牌). */
public record Listing(long hazardId, String documentNo, String supervisingUnit, String supervisor, LocalDate deadline,
                      boolean publicNotice, String listedBy, Instant listedAt, String delistedBy, Instant delistedAt,
                      String delistNote) {

    /** What a listing needs. */
    public record Command(@Size(max = 100) String documentNo, @Size(max = 200) String supervisingUnit,
                          @Size(max = 100) String supervisor, LocalDate deadline, Boolean publicNotice,
                          @Size(max = 2000) String note) {
    }
}
