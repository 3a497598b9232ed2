package addrs

// Expansion holds the instances of one resource or module call within one
// module instance, by key, to resolve references to them in constant time.
type Expansion[T any] struct {
	all   []T
	byKey map[Key]T
}

// Add records the instance with key, unless one with that key is recorded
// already; it reports whether v was added.
func (e *Expansion[T]) Add(key Key, v T) bool {
	if e.byKey == nil {
		e.byKey = map[Key]T{}
	}
	if _, ok := e.byKey[key]; ok {
		return false
	}
	e.all = append(e.all, v)
	e.byKey[key] = v
	return true
}

// All returns every instance, in the order added.
func (e *Expansion[T]) All() []T { return e.all }

// Resolve returns the instances a reference names when it is made from an
// instance whose own key is from (NoKey outside any expansion):
//
//   - a reference with a key (aws_x.y[0]) names that instance, if it exists;
//   - a reference without one (aws_x.y) made from an instance of an
//     expansion names the sibling instance with the referrer's own key when
//     there is one: Terraform lists aws_x.y[count.index] and
//     aws_x.y[each.key] as references to aws_x.y, and they name that instance;
//   - otherwise it names every instance.
func (e *Expansion[T]) Resolve(key, from Key) []T {
	if e == nil {
		return nil
	}
	if key != nil {
		if v, ok := e.byKey[key]; ok {
			return []T{v}
		}
		return nil
	}
	if from != nil {
		if v, ok := e.byKey[from]; ok {
			return []T{v}
		}
	}
	return e.all
}
