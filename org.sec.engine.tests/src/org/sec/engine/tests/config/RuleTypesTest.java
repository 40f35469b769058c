package org.sec.engine.tests.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sec.engine.config.RuleTypes;

class RuleTypesTest {

	@ParameterizedTest(name = "type={0} accepted: {1}")
	@CsvSource({ "Single,true", "single,true", "SINGLEWITH2THRESHOLDS,true", "PairWithWindow,true",
			"EventGroup,true", "EventGroup3,true", "eventgroup03,true", "EventGroup0,false", "EventGroup00,false",
			"Singel,false", "Options,true", "Jump,true", "Calendar,true" })
	void acceptsTypesAsSecDoes(String type, boolean accepted) {
		assertEquals(accepted, RuleTypes.isRuleType(type));
	}
}
