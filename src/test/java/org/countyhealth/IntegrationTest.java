package org.countyhealth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The one integration-test setup: the whole application on a random port against PostgreSQL, with
 * the small demo county. Every *IT uses it unchanged — no extra {@code @Import},
 * {@code @MockitoBean} or properties — so that all share one cached context: each further context
 * would load the demo county again. What tests need is in {@link IntegrationTestSetup}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(IntegrationTestSetup.class)
public @interface IntegrationTest {}
