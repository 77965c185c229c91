package lab;

import org.orcapod.annotations.Tag;

public record Reading(@Tag String experiment, double fahrenheit, boolean highPressure) {}
