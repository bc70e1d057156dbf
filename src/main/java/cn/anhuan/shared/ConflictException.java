package cn.anhuan.shared;

/** Someone else changed the record first (optimistic locking), or the change clashes with existing data. */
public class ConflictException extends RuntimeException {

    private final String messageKey;
    private final Object[] args;

    public ConflictException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    /** The standard conflict of a stale version. */
    public static ConflictException staleVersion(String entity, Object id) {
        return new ConflictException("error.conflict.stale", entity, id);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
