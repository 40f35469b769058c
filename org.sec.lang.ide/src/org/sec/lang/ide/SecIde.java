package org.sec.lang.ide;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.LazyStringInputStream;

import com.google.inject.Injector;

/** The one injector of the SEC language's ide services, and parsing of editor text. */
public final class SecIde {

	private static Injector injector;

	private SecIde() {
	}

	public static synchronized Injector injector() {
		if (injector == null) {
			injector = new SecIdeSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	/**
	 * Parses text into a fresh resource; the URI names the file in messages.
	 */
	public static XtextResource parse(String text, String uri) {
		Injector in = injector();
		XtextResourceSet resourceSet = in.getInstance(XtextResourceSet.class);
		XtextResource resource = (XtextResource) in.getInstance(IResourceFactory.class)
				.createResource(URI.createURI(uri));
		resourceSet.getResources().add(resource);
		try {
			resource.load(new LazyStringInputStream(text, "UTF-8"), null);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return resource;
	}
}
