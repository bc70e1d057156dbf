package cn.anhuan.shared.web;

import java.beans.PropertyEditorSupport;

import cn.anhuan.shared.Texts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every text that arrives, as JSON or as a form or query parameter, is refused when PostgreSQL could not store it
 * ({@link Texts#storable}): a NUL reached the database as a 500 before. One rule for every field, in the two places
 * all text passes: Jackson's string deserialiser (the problem names the JSON path) and the data binder's editor
 * for {@code String} (a form shows it at the field, a parameter answers 400 naming it).
 */
@Configuration(proxyBeanMethods = false)
@ControllerAdvice
class StorableText {

    @Bean
    JacksonModule storableTextModule() {
        return new SimpleModule("storable-text").addDeserializer(String.class, new Deserializer());
    }

    @InitBinder
    void refuseUnstorableText(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new Editor());
    }

    /** A JSON string that could not be stored; Jackson adds the path of the field it was read for. */
    static final class UnstorableTextException extends InvalidFormatException {

        UnstorableTextException(JsonParser parser) {
            super(parser, "text contains a character that cannot be stored", null, String.class);
        }
    }

    static final class Deserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = super.deserialize(p, ctxt);
            if (!Texts.storable(text)) {
                throw new UnstorableTextException(p);
            }
            return text;
        }
    }

    /** Refusal is a type mismatch for {@code String}: message key {@code typeMismatch.java.lang.String}. */
    static final class Editor extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (!Texts.storable(text)) {
                throw new IllegalArgumentException("text contains a character that cannot be stored");
            }
            setValue(text);
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }
}
