package cn.anhuan.hazard.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Hazard list handlers take their query parameters as one {@link HazardQuery}. */
@Configuration(proxyBeanMethods = false)
class HazardQueryConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HazardQuery.Resolver());
    }
}
