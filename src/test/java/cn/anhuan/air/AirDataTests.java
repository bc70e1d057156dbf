package cn.anhuan.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import cn.anhuan.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Import of hourly data, the validity rules of daily values, the standard by date, and the figures. */
@IntegrationTest
class AirDataTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyBadRowIsReportedAndNothingIsStored() throws Exception {
        station("T-BAD", "141023");
        String csv = """
                station,time,SO2,NO2,CO,O3,PM10,PM2.5
                T-BAD,2026-01-05 00:00,10,20,0.5,50,80,40
                NOPE,2026-01-05 01:00,10,20,0.5,50,80,40
                T-BAD,2026-01-05 02:30,10,20,0.5,50,80,40
                T-BAD,2026-01-05 03:00,10,-20,0.5,50,80,40
                T-BAD,2026-01-05 04:00,10,20,abc,50,80,40
                T-BAD,2026-01-05 00:00,10,20,0.5,50,80,40
                T-BAD,2026-01-05 05:00,10,20
                """;
        importCsv(csv).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rowsRead").value(7))
                .andExpect(jsonPath("$.hoursStored").value(0))
                .andExpect(jsonPath("$.errors[*].line", Matchers.contains(3, 4, 5, 6, 7, 8)))
                .andExpect(jsonPath("$.errors[0].message").value("未知站点 NOPE。"))
                .andExpect(jsonPath("$.errors[3].message").value("CO 的值 abc 不是数字。"));
        assertThat(jdbc.sql("select count(*) from air.hourly h join air.station s on s.id = h.station_id"
                + " where s.code = 'T-BAD'").query(Long.class).single()).isZero();
    }

    @Test
    void aDryRunChecksWithoutStoring() throws Exception {
        station("T-DRY", "141023");
        mvc.perform(post("/api/v1/air/hourly/import").param("dryRun", "true").with(asCity())
                        .contentType("text/csv").content("station,time,SO2,NO2,CO,O3,PM10,PM2.5\nT-DRY,2026-01-05 00:00,1,2,0.3,4,5,6\n"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.hoursStored").value(0));
        assertThat(count("T-DRY")).isZero();
    }

    @Test
    void dailyValuesNeedTwentyValidHoursAndUseTheStandardOfTheirDate() throws Exception {
        station("T-DAY", "141024");
        StringBuilder csv = new StringBuilder("station,time,SO2,NO2,CO,O3,PM10,PM2.5\n");
        LocalDate full = LocalDate.of(2026, 2, 28);
        for (int h = 0; h < 48; h++) {
            LocalDateTime t = full.atStartOfDay().plusHours(h);
            boolean secondDay = h >= 24;
            if (secondDay && h % 24 >= 16) {
                continue; // 2026-03-01 has only 16 hours
            }
            csv.append("T-DAY,").append(t.toString().replace('T', ' ')).append(",10,40,1.0,")
                    .append(60 + h % 24).append(",120,75\n");
        }
        importCsv(csv.toString()).andExpect(status().isOk()).andExpect(jsonPath("$.hoursStored").value(40))
                .andExpect(jsonPath("$.stationDaysUpdated").value(2));
        Map<String, Object> feb = day("T-DAY", full);
        assertThat(feb.get("standard")).isEqualTo("HJ633-2012");
        assertThat((BigDecimal) feb.get("pm25")).isEqualByComparingTo("75");
        assertThat(feb.get("aqi")).as("PM2.5 75 and PM10 120 under 2012").isEqualTo(100);
        assertThat(((Number) feb.get("valid_hours")).intValue()).isEqualTo(24);
        assertThat((BigDecimal) feb.get("o3_8h_max")).as("max of the 8-h means of windows 00-16")
                .isEqualByComparingTo("79.500");
        Map<String, Object> mar = day("T-DAY", full.plusDays(1));
        assertThat(mar.get("standard")).isEqualTo("HJ633-2026");
        assertThat(mar.get("pm25")).as("16 hours are too few for a daily mean").isNull();
        assertThat(mar.get("o3_8h_max")).as("11 valid 8-hour windows are fewer than 14").isNull();
        assertThat(mar.get("aqi")).isNull();

        mvc.perform(get("/api/v1/air/stations/T-DAY/hourly").param("from", "2026-02-28T16:00:00Z")
                        .param("to", "2026-02-28T17:00:00Z").with(asCity()))
                .andExpect(jsonPath("$[0].standard").value("HJ633-2026"))
                .andExpect(jsonPath("$[0].pm25_24h").value(75.0))
                .andExpect(jsonPath("$[0].aqi").value(Matchers.greaterThan(100)));
    }

    @Test
    void reimportingAnHourReplacesItAndRecomputesWhatDependsOnIt() throws Exception {
        station("T-RE", "141025");
        StringBuilder csv = new StringBuilder("station,time,SO2,NO2,CO,O3,PM10,PM2.5\n");
        for (int h = 0; h < 24; h++) {
            csv.append("T-RE,2026-01-10 ").append(String.format("%02d", h)).append(":00,10,40,1.0,60,100,50\n");
        }
        importCsv(csv.toString()).andExpect(status().isOk());
        assertThat((BigDecimal) day("T-RE", LocalDate.of(2026, 1, 10)).get("pm25")).isEqualByComparingTo("50");
        importCsv("station,time,SO2,NO2,CO,O3,PM10,PM2.5\nT-RE,2026-01-10 05:00,10,40,1.0,60,100,98\n")
                .andExpect(status().isOk());
        assertThat(count("T-RE")).isEqualTo(24);
        assertThat((BigDecimal) day("T-RE", LocalDate.of(2026, 1, 10)).get("pm25")).isEqualByComparingTo("52");
        assertThat(jdbc.sql("""
                select pm25_24h from air.hourly h join air.station s on s.id = h.station_id
                where s.code = 'T-RE' and h.hour = '2026-01-10 23:00+08'""").query(BigDecimal.class).single())
                .isEqualByComparingTo("52");
    }

    @Test
    void monthlyFiguresCountGoodDaysAndRankTheCounties() throws Exception {
        station("T-M1", "141029");
        StringBuilder csv = new StringBuilder("station,time,SO2,NO2,CO,O3,PM10,PM2.5\n");
        for (int d = 1; d <= 3; d++) {
            for (int h = 0; h < 24; h++) {
                csv.append("T-M1,2025-06-0").append(d).append(' ').append(String.format("%02d", h))
                        .append(":00,10,30,0.8,80,90,").append(d == 3 ? 160 : 30).append('\n');
            }
        }
        importCsv(csv.toString()).andExpect(status().isOk());
        mvc.perform(get("/api/v1/air/statistics").param("year", "2025").param("month", "6").with(asCity()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.regionCode=='141029')].validDays").value(Matchers.hasItem(3)))
                .andExpect(jsonPath("$[?(@.regionCode=='141029')].goodDays").value(Matchers.hasItem(2)))
                .andExpect(jsonPath("$[?(@.regionCode=='141029')].goodRatio").value(Matchers.hasItem(66.7)))
                .andExpect(jsonPath("$[?(@.regionCode=='141029')].rank").value(Matchers.hasItem(1)))
                .andExpect(jsonPath("$[?(@.regionCode=='CITY')]").exists());
        mvc.perform(get("/api/v1/air/statistics").param("year", "2025").param("month", "13").with(asCity()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("month"));
    }

    @Test
    void onlyCityStaffImport() throws Exception {
        mvc.perform(post("/api/v1/air/hourly/import").with(httpBasic("yaodu.safety", IntegrationTest.PASSWORD))
                        .contentType("text/csv").content("station,time,SO2,NO2,CO,O3,PM10,PM2.5\n"))
                .andExpect(status().isForbidden());
    }

    @Test
    void thePublicPageAndItsDataNeedNoLogin() throws Exception {
        mvc.perform(get("/air/public")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("air-map")));
        mvc.perform(get("/air/public/data")).andExpect(status().isOk())
                .andExpect(jsonPath("$.regions").isArray())
                .andExpect(jsonPath("$.city.aqi").isNumber());
    }

    private void station(String code, String region) throws Exception {
        mvc.perform(post("/api/v1/air/stations").with(asCity()).contentType(MediaType.APPLICATION_JSON).content("""
                {"code":"%s","name":"测试站","nameEn":"Test","kind":"COUNTY","regionCode":"%s",
                 "latitude":36.1,"longitude":111.5}""".formatted(code, region))).andExpect(status().isCreated());
    }

    private ResultActions importCsv(String csv) throws Exception {
        return mvc.perform(post("/api/v1/air/hourly/import").with(asCity()).contentType("text/csv").content(csv));
    }

    private long count(String station) {
        return jdbc.sql("select count(*) from air.hourly h join air.station s on s.id = h.station_id where s.code = :c")
                .param("c", station).query(Long.class).single();
    }

    private Map<String, Object> day(String station, LocalDate day) {
        return jdbc.sql("select d.* from air.daily d join air.station s on s.id = d.station_id"
                + " where s.code = :c and d.day = :d").param("c", station).param("d", day).query().singleRow();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor asCity() {
        return httpBasic("city.env", IntegrationTest.PASSWORD);
    }
}
