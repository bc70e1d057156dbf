package cn.anhuan.audit;

import java.util.List;

/**
 * The result of re-computing the hash chain.
 *
 * @param intact   no entry was altered, removed or inserted out of the chain
 * @param checked  how many entries were checked
 * @param problems the first problems found (entry id and what is wrong), at most 100
 */
public record AuditVerification(boolean intact, long checked, List<Problem> problems) {

    /** One broken link: the entry id and the kind ({@code hash}, {@code link} or {@code head}). */
    public record Problem(long entryId, String kind) {
    }
}
