package cn.anhuan.identity;

import cn.anhuan.shared.BusinessRuleException;

/** At least 10 characters, with letters and digits. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;

    private PasswordPolicy() {
    }

    static void check(String field, String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > 128
                || password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            throw new BusinessRuleException(field, "user.password.weak", MIN_LENGTH);
        }
    }
}
