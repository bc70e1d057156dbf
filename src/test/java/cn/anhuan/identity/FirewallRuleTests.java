package cn.anhuan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The firewall's character rule, written as a loop, agrees with Spring Security's own regular expressions. */
class FirewallRuleTests {

    static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    static final Pattern HEADER_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void agreesWithTheRegularExpressionsOnRandomAndEdgeStrings() {
        Random random = new Random(212);
        int[] edges = {0, '\t', '\n', 0x1F, ' ', 0x7E, 0x7F, 0x9F, 0xA0, 0x378, 0xD800, 0xDFFF, 0xFFFF, 0x1F600,
                0x10FFFF, '中', 0xE000};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(6);
            for (int i = 0; i < length; i++) {
                int cp = random.nextInt(4) == 0 ? edges[random.nextInt(edges.length)]
                        : random.nextBoolean() ? random.nextInt(0x300) : random.nextInt(0x110000);
                if (Character.isBmpCodePoint(cp)) {
                    s.append((char) cp);
                } else {
                    s.appendCodePoint(cp);
                }
            }
            String text = s.toString();
            assertThat(SecurityConfiguration.printable(text, false)).as(text).isEqualTo(NAMES.matcher(text).matches());
            assertThat(SecurityConfiguration.printable(text, true)).as(text)
                    .isEqualTo(HEADER_VALUES.matcher(text).matches());
        }
    }
}
