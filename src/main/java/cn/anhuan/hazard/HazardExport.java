package cn.anhuan.hazard;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Exports a filtered hazard list (the caller's scope only) to Excel, page by page, streamed. */
@Service
public class HazardExport {

    private static final String[] HEADER = {"编号(id)", "统一社会信用代码(credit_code)", "区县(region_code)",
            "部位(place)", "描述(description)", "类别(category)", "等级(level)", "判定依据(basis)", "来源(source)",
            "状态(status)", "整改期限(deadline)", "整改责任人(responsible_person)", "逾期(overdue)"};
    private static final int PAGE = 1000;

    private final HazardList hazards;

    HazardExport(HazardList hazards) {
        this.hazards = hazards;
    }

    @Transactional(readOnly = true)
    public void write(HazardFilter filter, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet("hazards");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.length; i++) {
                header.createCell(i).setCellValue(HEADER[i]);
            }
            int rowNo = 1;
            Long before = null;
            while (true) {
                List<HazardView> page = hazards.search(filter, before, PAGE);
                for (HazardView h : page) {
                    Row row = sheet.createRow(rowNo++);
                    Object[] v = {h.id(), h.creditCode(), h.regionCode(), h.place(), h.description(), h.category(),
                            h.level(), h.basis(), h.source(), h.status(), h.deadline(), h.responsiblePerson(),
                            h.overdue()};
                    for (int i = 0; i < v.length; i++) {
                        row.createCell(i).setCellValue(v[i] == null ? "" : v[i].toString());
                    }
                }
                if (page.size() < PAGE) {
                    break;
                }
                before = page.get(page.size() - 1).id();
            }
            wb.write(out);
            wb.dispose();
        }
    }
}
