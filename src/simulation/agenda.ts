/** The simulation's to-do list: tasks ordered by their simulated time. */
export interface Task {
  at: number;
  run: () => Promise<void>;
}

/** A binary min-heap of tasks by time. */
export class Agenda {
  private readonly items: Task[] = [];
  get size(): number {
    return this.items.length;
  }
  push(task: Task): void {
    const a = this.items;
    a.push(task);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((a[p] as Task).at <= task.at) break;
      a[i] = a[p] as Task;
      i = p;
    }
    a[i] = task;
  }
  peek(): Task | undefined {
    return this.items[0];
  }
  pop(): Task | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && (a[l] as Task).at < (m === i ? last.at : (a[m] as Task).at)) m = l;
        if (r < a.length && (a[r] as Task).at < (m === i ? last.at : (a[m] as Task).at)) m = r;
        if (m === i) break;
        a[i] = a[m] as Task;
        i = m;
      }
      a[i] = last;
    }
    return top;
  }
}
