package cn.anhuan.hazard.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import cn.anhuan.hazard.HazardView;
import cn.anhuan.shared.IsoTimes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * A hazard as JSON, written field by field. The text is exactly what Jackson's bean serialiser writes for the
 * record ({@code HazardJsonTests} compares both on every kind of value); the bean serialiser's per-property
 * machinery and the date formatter took most of the serialising time of a list page, which is the API's most
 * requested response. A field added to {@link HazardView} must be added here too: the test fails until it is.
 */
@Configuration(proxyBeanMethods = false)
class HazardJson {

    @Bean
    JacksonModule hazardJsonModule() {
        return new SimpleModule("hazard-json").addSerializer(HazardView.class, new Serializer());
    }

    static final class Serializer extends StdSerializer<HazardView> {

        private static final SerializableString ID = new SerializedString("id");
        private static final SerializableString ENTERPRISE_ID = new SerializedString("enterpriseId");
        private static final SerializableString CREDIT_CODE = new SerializedString("creditCode");
        private static final SerializableString REGION_CODE = new SerializedString("regionCode");
        private static final SerializableString INDUSTRY_CODE = new SerializedString("industryCode");
        private static final SerializableString PLACE = new SerializedString("place");
        private static final SerializableString DESCRIPTION = new SerializedString("description");
        private static final SerializableString CATEGORY = new SerializedString("category");
        private static final SerializableString LEVEL = new SerializedString("level");
        private static final SerializableString BASIS = new SerializedString("basis");
        private static final SerializableString SOURCE = new SerializedString("source");
        private static final SerializableString FOUND_BY = new SerializedString("foundBy");
        private static final SerializableString FOUND_AT = new SerializedString("foundAt");
        private static final SerializableString STATUS = new SerializedString("status");
        private static final SerializableString RESPONSIBLE_PERSON = new SerializedString("responsiblePerson");
        private static final SerializableString MEASURES = new SerializedString("measures");
        private static final SerializableString DEADLINE = new SerializedString("deadline");
        private static final SerializableString FUNDS = new SerializedString("funds");
        private static final SerializableString CONTINGENCY_PLAN = new SerializedString("contingencyPlan");
        private static final SerializableString RECTIFICATION_NOTE = new SerializedString("rectificationNote");
        private static final SerializableString REJECTIONS = new SerializedString("rejections");
        private static final SerializableString CLOSED_AT = new SerializedString("closedAt");
        private static final SerializableString CLOSED_BY = new SerializedString("closedBy");
        private static final SerializableString OVERDUE = new SerializedString("overdue");
        private static final SerializableString VERSION = new SerializedString("version");
        private static final SerializableString TIMELINE = new SerializedString("timeline");
        private static final SerializableString OPEN_EXTENSION = new SerializedString("openExtension");

        Serializer() {
            super(HazardView.class);
        }

        @Override
        public void serialize(HazardView h, JsonGenerator g, SerializationContext context) {
            g.writeStartObject(h);
            g.writeName(ID);
            g.writeNumber(h.id());
            g.writeName(ENTERPRISE_ID);
            g.writeNumber(h.enterpriseId());
            string(g, CREDIT_CODE, h.creditCode());
            string(g, REGION_CODE, h.regionCode());
            string(g, INDUSTRY_CODE, h.industryCode());
            string(g, PLACE, h.place());
            string(g, DESCRIPTION, h.description());
            string(g, CATEGORY, h.category());
            string(g, LEVEL, h.level());
            string(g, BASIS, h.basis());
            string(g, SOURCE, h.source());
            string(g, FOUND_BY, h.foundBy());
            instant(g, FOUND_AT, h.foundAt());
            string(g, STATUS, h.status() == null ? null : h.status().name());
            string(g, RESPONSIBLE_PERSON, h.responsiblePerson());
            string(g, MEASURES, h.measures());
            date(g, DEADLINE, h.deadline());
            number(g, FUNDS, h.funds());
            string(g, CONTINGENCY_PLAN, h.contingencyPlan());
            string(g, RECTIFICATION_NOTE, h.rectificationNote());
            g.writeName(REJECTIONS);
            g.writeNumber(h.rejections());
            instant(g, CLOSED_AT, h.closedAt());
            string(g, CLOSED_BY, h.closedBy());
            g.writeName(OVERDUE);
            g.writeBoolean(h.overdue());
            g.writeName(VERSION);
            g.writeNumber(h.version());
            g.writeName(TIMELINE);
            if (h.timeline() != null && h.timeline().isEmpty()) {
                g.writeStartArray();
                g.writeEndArray();
            } else {
                context.writeValue(g, h.timeline());
            }
            g.writeName(OPEN_EXTENSION);
            if (h.openExtension() == null) {
                g.writeNull();
            } else {
                context.writeValue(g, h.openExtension());
            }
            g.writeEndObject();
        }

        private static void string(JsonGenerator g, SerializableString name, String value) {
            g.writeName(name);
            if (value == null) {
                g.writeNull();
            } else {
                g.writeString(value);
            }
        }

        private static void instant(JsonGenerator g, SerializableString name, Instant value) {
            string(g, name, value == null ? null : IsoTimes.instant(value));
        }

        private static void date(JsonGenerator g, SerializableString name, LocalDate value) {
            string(g, name, value == null ? null : IsoTimes.date(value));
        }

        private static void number(JsonGenerator g, SerializableString name, BigDecimal value) {
            g.writeName(name);
            if (value == null) {
                g.writeNull();
            } else {
                g.writeNumber(value);
            }
        }
    }
}
