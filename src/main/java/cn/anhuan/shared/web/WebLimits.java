package cn.anhuan.shared.web;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request body limits of {@code /api/**} and {@code /public/**} ({@link BodyLimitFilter}).
 *
 * @param maxBody          a JSON (or any other non-multipart) body on the API
 * @param maxPublicBody    a body sent without login ({@code /public/**}, {@code /api/v1/public/**}): the citizen's
 *                         report is a few kilobytes even with 2,000 Chinese characters URL-encoded
 * @param maxMultipartBody a multipart upload (imports, attachments); their files have limits of their own
 * @param paths            per endpoint: a path pattern ({@code /api/v1/air/forecasts}) and its limit, before the
 *                         defaults above; the first pattern that matches wins
 */
@ConfigurationProperties("anhuan.web")
record WebLimits(@DefaultValue("256KB") DataSize maxBody, @DefaultValue("32KB") DataSize maxPublicBody,
                 @DefaultValue("25MB") DataSize maxMultipartBody, Map<String, DataSize> paths) {

    WebLimits {
        paths = paths == null ? Map.of() : paths;
    }
}
