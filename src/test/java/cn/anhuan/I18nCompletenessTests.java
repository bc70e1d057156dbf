package cn.anhuan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every UI text is a message key present in both languages, and every key a page or the code names exists. */
class I18nCompletenessTests {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)");
    private static final Pattern DYNAMIC_PREFIX = Pattern.compile("#\\{'([A-Za-z][A-Za-z0-9_.]*\\.)' \\+");
    private static final Pattern CODE_KEY = Pattern.compile(
            "(?:BusinessRuleException\\((?:\"[^\"]*\"|[a-zA-Z.()]+), |ConflictException\\(|text\\(|\"messageKey\", "
                    + "|RowError\\([a-zA-Z0-9]+, |FieldProblem\\((?:\"[^\"]*\"|[a-zA-Z.()]+), )\"([a-z][A-Za-z0-9_.]*[A-Za-z0-9_])\"");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> zh = load("messages.properties").stringPropertyNames();
        Set<String> en = load("messages_en.properties").stringPropertyNames();
        assertThat(new TreeSet<>(en)).as("keys missing in English").containsAll(zh);
        assertThat(new TreeSet<>(zh)).as("keys missing in Chinese").containsAll(en);
    }

    @Test
    void noTranslationIsEmpty() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties p = load(file);
            assertThat(p.stringPropertyNames()).as(file).allSatisfy(k -> assertThat(p.getProperty(k)).isNotBlank());
        }
    }

    @Test
    void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String text = Files.readString(f);
                collect(TEMPLATE_KEY, text, used);
                collect(DYNAMIC_PREFIX, text, prefixes);
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                collect(CODE_KEY, Files.readString(f), used);
            }
        }
        assertThat(used).as("keys named in templates or code").isNotEmpty();
        assertThat(keys).containsAll(used);
        assertThat(prefixes).allSatisfy(prefix ->
                assertThat(keys).as("keys for dynamic prefix " + prefix).anyMatch(k -> k.startsWith(prefix)));
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nCompletenessTests.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
