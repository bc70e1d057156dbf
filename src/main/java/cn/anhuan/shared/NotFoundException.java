package cn.anhuan.shared;

/**
 * A record does not exist or lies outside the caller's scope. Both answer 404, so that existence never leaks.
 */
public class NotFoundException extends RuntimeException {

    private final String entity;
    private final String id;

    public NotFoundException(String entity, Object id) {
        super(entity + " " + id + " not found");
        this.entity = entity;
        this.id = String.valueOf(id);
    }

    public String entity() {
        return entity;
    }

    public String id() {
        return id;
    }
}
