package org.kaoping.rubric;

import java.util.List;

/**
 * Who answers for a criterion in a responsibility map (泉州 内页资料分工): the 分管领导, 责任科室 and 责任人 of one row;
 * {@code standard} is that row's own text when a criterion is split over several rows.
 */
public record Responsibility(String standard, List<String> leaders, List<String> departments, List<String> people) {
    public Responsibility {
        leaders = List.copyOf(leaders);
        departments = List.copyOf(departments);
        people = List.copyOf(people);
    }
}
