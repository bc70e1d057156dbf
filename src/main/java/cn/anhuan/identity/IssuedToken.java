package cn.anhuan.identity;

/** A token just created: {@code secret} is shown this once and never stored. */
public record IssuedToken(ApiTokenView token, String secret) {
}
