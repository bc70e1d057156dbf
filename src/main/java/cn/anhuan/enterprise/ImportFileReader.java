package cn.anhuan.enterprise;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.anhuan.shared.BusinessRuleException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.springframework.stereotype.Component;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads an import file (.xlsx, recognised by its ZIP signature, or UTF-8 CSV) into rows of column key → text,
 * within {@link ImportProperties}' budgets: the file's size, its rows, and for .xlsx the expanded size and
 * compression ratio of each part (POI's {@link ZipSecureFile} limits, which this class sets for the JVM). The
 * sheet is read as a stream of rows, never as a whole workbook in memory. Anything over a budget, and a file
 * that is not readable, is a {@link BusinessRuleException} on field {@code file} that names the cause.
 */
@Component
class ImportFileReader {

    private static final Pattern ENTRY = Pattern.compile("Entry: (\\S+)");
    private static final long MB = 1024 * 1024;

    private final ImportProperties limits;

    ImportFileReader(ImportProperties limits) {
        this.limits = limits;
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxEntryBytes());
    }

    List<Map<String, String>> read(InputStream raw) throws IOException {
        byte[] bytes = raw.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
        if (bytes.length > limits.maxBytes()) {
            throw new BusinessRuleException("file", "enterprise.import.tooLarge", limits.maxBytes() / MB);
        }
        boolean xlsx = bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        return xlsx ? xlsx(bytes) : csv(bytes);
    }

    private List<Map<String, String>> xlsx(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("enterprise-import-", ".xlsx");
        try {
            Files.write(file, bytes);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                Rows rows = new Rows();
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(),
                        new ReadOnlySharedStringsTable(pkg), rows, new DataFormatter(), false));
                try (InputStream sheet = reader.getSheetsData().next()) {
                    parser.parse(new InputSource(sheet));
                }
                return rows.rows;
            }
        } catch (BusinessRuleException e) {
            throw e;
        } catch (Exception e) {
            throw refusal(e);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A UTF-8 CSV (with or without a BOM; quoted fields may hold commas, quotes and line breaks). */
    private List<Map<String, String>> csv(byte[] bytes) throws IOException {
        int bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        List<Map<String, String>> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(
                new ByteArrayInputStream(bytes, bom, bytes.length - bom), StandardCharsets.UTF_8), format)) {
            List<String> keys = null;
            for (CSVRecord record : parser) {
                if (keys == null) {
                    keys = new ArrayList<>();
                    for (String h : record) {
                        keys.add(EnterpriseColumns.keyOf(h));
                    }
                    continue;
                }
                budget(rows.size());
                Map<String, String> m = new HashMap<>();
                for (int c = 0; c < keys.size(); c++) {
                    m.put(keys.get(c), c < record.size() ? record.get(c) : "");
                }
                rows.add(m);
            }
        } catch (java.io.UncheckedIOException e) {
            throw new BusinessRuleException("file", "enterprise.import.unreadable");
        }
        return rows;
    }

    private void budget(int rowsSoFar) {
        if (rowsSoFar >= limits.maxRows()) {
            throw new BusinessRuleException("file", "enterprise.import.tooManyRows", limits.maxRows());
        }
    }

    /** POI's reason for refusing a ZIP (it has no exception type per limit, only its fixed messages), or unreadable. */
    private BusinessRuleException refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BusinessRuleException b) {
                return b;
            }
            String m = t.getMessage();
            if (m == null) {
                continue;
            }
            Matcher entry = ENTRY.matcher(m);
            String name = entry.find() ? entry.group(1) : "?";
            if (m.startsWith("Zip bomb detected!") && m.contains("max. ratio")) {
                return new BusinessRuleException("file", "enterprise.import.zipRatio", name,
                        Math.round(1 / limits.minInflateRatio()));
            }
            if (m.startsWith("Zip bomb detected!")) {
                return new BusinessRuleException("file", "enterprise.import.zipEntry", name,
                        limits.maxEntryBytes() / MB);
            }
            if (m.contains("embeds more internal file entries than expected")) {
                return new BusinessRuleException("file", "enterprise.import.zipEntries",
                        ZipSecureFile.getMaxFileCount());
            }
        }
        return new BusinessRuleException("file", "enterprise.import.unreadable");
    }

    /** The first sheet's rows as they stream past: row 0 names the columns, empty rows are skipped. */
    private final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        final List<Map<String, String>> rows = new ArrayList<>();
        private List<String> keys;
        private final TreeMap<Integer, String> cells = new TreeMap<>();
        private int column;

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            column = 0;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            column = reference == null ? column : column(reference);
            cells.put(column++, value == null ? "" : value.trim());
        }

        /** The zero-based column of a reference such as {@code AB12} (CellReference parses it with a regex). */
        private static int column(String reference) {
            int col = 0;
            for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
                col = col * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            }
            return col - 1;
        }

        @Override
        public void endRow(int rowNum) {
            if (rowNum == 0) {
                keys = new ArrayList<>();
                int last = cells.isEmpty() ? -1 : cells.lastKey();
                for (int c = 0; c <= last; c++) {
                    keys.add(EnterpriseColumns.keyOf(cells.getOrDefault(c, "")));
                }
                return;
            }
            if (keys == null) {
                return;
            }
            Map<String, String> m = new HashMap<>();
            boolean any = false;
            for (int c = 0; c < keys.size(); c++) {
                String v = cells.getOrDefault(c, "");
                any |= !v.isEmpty();
                m.put(keys.get(c), v);
            }
            if (any) {
                budget(rows.size());
                rows.add(m);
            }
        }
    }
}
