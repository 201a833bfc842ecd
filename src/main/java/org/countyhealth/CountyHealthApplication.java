package org.countyhealth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CountyHealthApplication {
  public static void main(String[] args) {
    SpringApplication.run(CountyHealthApplication.class, args);
  }
}
