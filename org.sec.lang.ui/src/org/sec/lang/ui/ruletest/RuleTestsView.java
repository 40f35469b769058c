package org.sec.lang.ui.ruletest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.texteditor.ITextEditor;
import org.sec.simulator.ruletest.SecTestRunner;

/**
 * Results of SEC rule tests (.sectest): each case passed or failed, with its failures;
 * a double-click on a failure opens the test file at the expectation that failed.
 */
public final class RuleTestsView extends ViewPart {

	public static final String ID = "org.sec.lang.ui.ruleTestsView";
	private static final Pattern WHERE = Pattern.compile("^(.+):(\\d+): ");
	private TreeViewer viewer;
	private List<SecTestRunner.Result> results = List.of();
	private List<String> unreadable = List.of();

	/** A failure message under its case. */
	record Failure(String message) {
	}

	@Override
	public void createPartControl(Composite parent) {
		viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.setContentProvider(new ITreeContentProvider() {
			@Override
			public Object[] getElements(Object input) {
				List<Object> top = new ArrayList<>(unreadable);
				top.addAll(results);
				return top.toArray();
			}

			@Override
			public Object[] getChildren(Object e) {
				return e instanceof SecTestRunner.Result r ? r.failures().stream().map(Failure::new).toArray() : new Object[0];
			}

			@Override
			public Object getParent(Object e) {
				return null;
			}

			@Override
			public boolean hasChildren(Object e) {
				return e instanceof SecTestRunner.Result r && !r.passed();
			}
		});
		viewer.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object e) {
				if (e instanceof SecTestRunner.Result r) {
					return (r.passed() ? "PASS  " : "FAIL  ") + r.test().file().getFileName() + ": " + r.testCase().name()
							+ String.format(" (%.2f s)", r.seconds());
				}
				if (e instanceof Failure f) {
					return f.message();
				}
				return String.valueOf(e);
			}
		});
		viewer.addDoubleClickListener(e -> open(((IStructuredSelection) e.getSelection()).getFirstElement()));
		viewer.setInput(this);
	}

	/** Shows new results ({@code unreadable}: messages of test files that could not be read). */
	public void show(List<SecTestRunner.Result> results, List<String> unreadable) {
		this.results = List.copyOf(results);
		this.unreadable = List.copyOf(unreadable);
		long failed = results.stream().filter(r -> !r.passed()).count();
		setContentDescription(results.size() + " test(s): " + (results.size() - failed) + " passed, " + failed
				+ " failed" + (unreadable.isEmpty() ? "" : ", " + unreadable.size() + " file(s) not readable"));
		viewer.refresh();
		viewer.expandAll();
	}

	/** The lines shown, top to bottom (tests read what users see). */
	public List<String> rows() {
		List<String> rows = new ArrayList<>();
		for (org.eclipse.swt.widgets.TreeItem item : viewer.getTree().getItems()) {
			rows.add(item.getText());
			for (org.eclipse.swt.widgets.TreeItem child : item.getItems()) {
				rows.add("  " + child.getText());
			}
		}
		return rows;
	}

	private void open(Object element) {
		String message = element instanceof Failure f ? f.message() : element instanceof String s ? s : null;
		if (message == null) {
			return;
		}
		Matcher m = WHERE.matcher(message);
		if (!m.find()) {
			return;
		}
		try {
			IEditorPart editor = IDE.openEditorOnFileStore(getSite().getPage(),
					EFS.getLocalFileSystem().getStore(Path.of(m.group(1)).toUri()));
			if (editor instanceof ITextEditor text) {
				IDocument doc = text.getDocumentProvider().getDocument(text.getEditorInput());
				int line = Integer.parseInt(m.group(2)) - 1;
				text.selectAndReveal(doc.getLineOffset(line), doc.getLineLength(line));
			}
		} catch (PartInitException | BadLocationException e) {
			org.eclipse.core.runtime.ILog.of(RuleTestsView.class).warn("cannot open " + message, e);
		}
	}

	@Override
	public void setFocus() {
		viewer.getControl().setFocus();
	}
}
