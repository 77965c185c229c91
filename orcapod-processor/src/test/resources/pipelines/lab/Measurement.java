package lab;

import org.orcapod.annotations.Tag;

public record Measurement(@Tag String experiment, double temperatureC, double pressureKpa) {}
