package cn.anhuan.air;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anhuan.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The AQI calculator over the API and as a page. */
@IntegrationTest
class AqiApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void computesADailyReportByTheDateOfTheData() throws Exception {
        call("""
                {"date":"2026-11-30","report":"daily","concentrations":{"PM2_5_24H":44,"PM10_24H":65,"CO_24H":1.131,
                 "NO2_24H":32,"O3_1H":93,"O3_8H":104,"SO2_24H":9}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.standard").value("HJ633-2026"))
                .andExpect(jsonPath("$.report").value("daily"))
                .andExpect(jsonPath("$.aqi").value(68))
                .andExpect(jsonPath("$.level").value(2))
                .andExpect(jsonPath("$.category").value("良"))
                .andExpect(jsonPath("$.categoryEn").value("Good"))
                .andExpect(jsonPath("$.color").value("#FFFF00"))
                .andExpect(jsonPath("$.primaryPollutants[0]").value("PM2_5_24H"))
                .andExpect(jsonPath("$.iaqi.O3_1H").doesNotExist())
                .andExpect(jsonPath("$.iaqi.CO_24H").value(28));
        call("""
                {"date":"2026-02-28","report":"daily","concentrations":{"PM2_5_24H":44,"PM10_24H":65,"CO_24H":1.131,
                 "NO2_24H":32,"O3_1H":93,"O3_8H":104,"SO2_24H":9}}""")
                .andExpect(jsonPath("$.standard").value("HJ633-2012"))
                .andExpect(jsonPath("$.aqi").value(62));
    }

    @Test
    void readsDecimalsExactly() throws Exception {
        call("""
                {"standard":"HJ633-2012","report":"daily","concentrations":{"CO_24H":2.2}}""")
                .andExpect(jsonPath("$.iaqi.CO_24H").value(55));
        call("""
                {"standard":"HJ633-2026","report":"daily","concentrations":{"CO_24H":"2.25","PM2_5_24H":120}}""")
                .andExpect(jsonPath("$.iaqi.CO_24H").value(55))
                .andExpect(jsonPath("$.aqi").value(158))
                .andExpect(jsonPath("$.missing", Matchers.hasItem("O3_8H")));
    }

    @Test
    void missingDataGivesNa() throws Exception {
        call("""
                {"standard":"HJ633-2026","report":"hourly","concentrations":{"PM2_5_1H":20}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.aqi").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.level").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.iaqi.PM2_5_1H").value(29));
    }

    @Test
    void badInputIsAProblemNamingEveryField() throws Exception {
        mvc.perform(post("/api/v1/air/aqi").with(httpBasic("city.env", IntegrationTest.PASSWORD))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content("""
                                {"standard":"HJ633-1999","report":"weekly",
                                 "concentrations":{"PM2_5_24H":-1,"NO2_24H":"abc","XYZ_1H":3}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("standard", "report",
                        "concentrations.PM2_5_24H", "concentrations.NO2_24H", "concentrations.XYZ_1H")))
                .andExpect(jsonPath("$.errors[?(@.field=='concentrations.PM2_5_24H')].message")
                        .value(Matchers.hasItem("The concentration of PM2_5_24H must not be negative.")));
        call("not json").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void theCalculatorPageIsOpenAndAnswersWithAFragment() throws Exception {
        mvc.perform(get("/air/calculator")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("aqi-form")));
        mvc.perform(post("/air/calculator").with(csrf()).header("HX-Request", "true")
                        .param("standard", "HJ633-2026").param("report", "daily").param("PM2_5_24H", "64"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"aqi-value\">104<")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<html"))));
        mvc.perform(post("/air/calculator").with(csrf()).param("report", "daily").param("PM10_24H", "x"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("PM10_24H 的浓度不是数字。")))
                .andExpect(content().string(Matchers.containsString("value=\"x\"")));
    }

    private ResultActions call(String json) throws Exception {
        return mvc.perform(post("/api/v1/air/aqi").with(httpBasic("city.env", IntegrationTest.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
