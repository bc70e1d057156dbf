package cn.anhuan.shared;

/** A request that is well-formed but breaks a rule of the domain; carries a message key and an optional field. */
public class BusinessRuleException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final Object[] args;

    public BusinessRuleException(String field, String messageKey, Object... args) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.args = args;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
