package org.sec.simulator.cli;

import org.sec.engine.api.SecVersion;

import picocli.CommandLine;

/** --sec-version=2.9.4 for secwb's commands; a release jsec does not know is refused with the ones it does. */
public final class SecVersionConverter implements CommandLine.ITypeConverter<SecVersion> {

	@Override
	public SecVersion convert(String value) {
		SecVersion v = SecVersion.parse(value);
		if (v == null) {
			throw new CommandLine.TypeConversionException(
					"unknown sec version '" + value + "'; choose one of " + SecVersion.known());
		}
		return v;
	}
}
