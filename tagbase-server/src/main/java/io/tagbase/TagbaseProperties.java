package io.tagbase;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code tagbase.*}; each can also be given as an environment variable ({@code
 * TAGBASE_ADMIN_PASSWORD}, {@code TAGBASE_BOOTSTRAP_API_KEY}, {@code TAGBASE_DEMO}).
 *
 * @param adminPassword password of the first administrator; generated and printed once when empty
 * @param bootstrapApiKey when set, an administrator API key with this value exists after start-up
 * @param bootstrapWriteKey when set, a Segment-API write key with this value exists after start-up
 * @param demo load the demo data set into an empty database at start-up
 */
@ConfigurationProperties("tagbase")
public record TagbaseProperties(
    String adminPassword, String bootstrapApiKey, String bootstrapWriteKey, boolean demo) {}
