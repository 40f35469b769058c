package org.sec.engine.runtime;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The match variables of one match ($0, $1 ..., $+{name}, _inputsrc ...): a handful of
 * entries in insertion order, as a LinkedHashMap keeps them, in two arrays instead of a
 * node per entry and a table. Every match makes one, so this is on the hot path; lookups
 * scan a few short keys, the same key object first. Null values are allowed (Perl undef).
 */
final class VariableMap extends AbstractMap<String, String> {

	private String[] keys;
	private String[] values;
	private int size;

	VariableMap() {
		this(8);
	}

	/** Room for {@code capacity} entries before the arrays grow. */
	VariableMap(int capacity) {
		keys = new String[capacity];
		values = new String[capacity];
	}

	VariableMap(Map<String, String> copy) {
		int n = Math.max(8, copy.size());
		keys = new String[n];
		values = new String[n];
		if (copy instanceof VariableMap v) {
			System.arraycopy(v.keys, 0, keys, 0, v.size);
			System.arraycopy(v.values, 0, values, 0, v.size);
			size = v.size;
		} else {
			copy.forEach(this::put);
		}
	}

	private int indexOf(Object key) {
		for (int i = 0; i < size; i++) {
			if (keys[i] == key) {
				return i;
			}
		}
		if (key != null) {
			int hash = key.hashCode(); // a String's is cached: most keys differ by it without a look at their bytes
			for (int i = 0; i < size; i++) {
				String k = keys[i];
				if (k != null && k.hashCode() == hash && key.equals(k)) {
					return i;
				}
			}
		} else {
			for (int i = 0; i < size; i++) {
				if (keys[i] == null) {
					return i;
				}
			}
		}
		return -1;
	}

	@Override
	public int size() {
		return size;
	}

	@Override
	public boolean isEmpty() {
		return size == 0;
	}

	@Override
	public boolean containsKey(Object key) {
		return indexOf(key) >= 0;
	}

	@Override
	public String get(Object key) {
		int i = indexOf(key);
		return i < 0 ? null : values[i];
	}

	@Override
	public String getOrDefault(Object key, String otherwise) {
		int i = indexOf(key);
		return i < 0 ? otherwise : values[i];
	}

	/** A key already there keeps its place, as in a LinkedHashMap. */
	@Override
	public String put(String key, String value) {
		int i = indexOf(key);
		if (i >= 0) {
			String old = values[i];
			values[i] = value;
			return old;
		}
		if (size == keys.length) {
			keys = Arrays.copyOf(keys, size * 2);
			values = Arrays.copyOf(values, size * 2);
		}
		keys[size] = key;
		values[size++] = value;
		return null;
	}

	@Override
	public String remove(Object key) {
		int i = indexOf(key);
		if (i < 0) {
			return null;
		}
		String old = values[i];
		removeAt(i);
		return old;
	}

	private void removeAt(int i) {
		System.arraycopy(keys, i + 1, keys, i, size - i - 1);
		System.arraycopy(values, i + 1, values, i, size - i - 1);
		size--;
		keys[size] = null;
		values[size] = null;
	}

	@Override
	public void clear() {
		Arrays.fill(keys, 0, size, null);
		Arrays.fill(values, 0, size, null);
		size = 0;
	}

	@Override
	public Set<Map.Entry<String, String>> entrySet() {
		return new AbstractSet<>() {
			@Override
			public int size() {
				return size;
			}

			@Override
			public Iterator<Map.Entry<String, String>> iterator() {
				return new Iterator<>() {
					private int next;
					private int last = -1;

					@Override
					public boolean hasNext() {
						return next < size;
					}

					@Override
					public Map.Entry<String, String> next() {
						if (next >= size) {
							throw new NoSuchElementException();
						}
						last = next++;
						int at = last;
						return new AbstractMap.SimpleEntry<>(keys[at], values[at]) {
							@Override
							public String setValue(String value) {
								values[at] = value;
								return super.setValue(value);
							}
						};
					}

					@Override
					public void remove() {
						if (last < 0) {
							throw new IllegalStateException();
						}
						removeAt(last);
						next = last;
						last = -1;
					}
				};
			}
		};
	}
}
