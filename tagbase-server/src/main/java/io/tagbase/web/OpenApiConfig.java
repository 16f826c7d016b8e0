package io.tagbase.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI 3.1 description at /v3/api-docs: every operation needs an API key. */
@Configuration
class OpenApiConfig {

  @Bean
  OpenAPI tagbaseOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Tagbase API")
                .version("v1")
                .description(
                    "Customer tags and segments. Authenticate with an API key in the X-Api-Key"
                        + " header or as Authorization: Bearer <key>. Errors are RFC 9457 problem"
                        + " details.")
                .license(new License().name("Apache-2.0")))
        .components(
            new Components()
                .addSecuritySchemes(
                    "apiKey",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name("X-Api-Key")))
        .addSecurityItem(new SecurityRequirement().addList("apiKey"));
  }
}
