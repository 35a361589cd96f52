package org.notebookscheduler.adapters.dolphinscheduler.api;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import org.notebookscheduler.adapters.dolphinscheduler.api.Rows.Instance;
import org.notebookscheduler.adapters.dolphinscheduler.api.Rows.Process;
import org.notebookscheduler.adapters.dolphinscheduler.api.Rows.ProcessDetail;
import org.notebookscheduler.adapters.dolphinscheduler.api.Rows.Project;
import org.notebookscheduler.adapters.dolphinscheduler.api.Rows.Schedule;
import org.notebookscheduler.adapters.dolphinscheduler.api.Rows.TaskInstance;

/**
 * The DolphinScheduler 1.3.9 endpoints this module calls, as the server declares them: every input
 * is a form field or a query parameter (structured values are JSON text inside a field), the
 * {@code token} header is added by the client, {@code process/delete} and {@code schedule/delete}
 * are GETs.
 */
@Headers("Accept: application/json")
public interface DolphinSchedulerApi {

    String FORM = "Content-Type: application/x-www-form-urlencoded";

    @RequestLine("GET /projects/list-paging?pageNo={pageNo}&pageSize={pageSize}&searchVal={searchVal}")
    Envelope<PageData<Project>> listProjects(@Param("pageNo") int pageNo, @Param("pageSize") int pageSize,
            @Param("searchVal") String searchVal);

    @RequestLine("POST /projects/create")
    @Headers(FORM)
    Envelope<Long> createProject(@Param("projectName") String projectName, @Param("description") String description);

    @RequestLine("GET /projects/{project}/process/verify-name?name={name}")
    Envelope<Void> verifyProcessName(@Param("project") String project, @Param("name") String name);

    @RequestLine("POST /projects/{project}/process/save")
    @Headers(FORM)
    Envelope<Void> saveProcess(@Param("project") String project, @Param("name") String name,
            @Param("processDefinitionJson") String processDefinitionJson, @Param("locations") String locations,
            @Param("connects") String connects, @Param("description") String description);

    @RequestLine("POST /projects/{project}/process/update")
    @Headers(FORM)
    Envelope<Void> updateProcess(@Param("project") String project, @Param("id") long id, @Param("name") String name,
            @Param("processDefinitionJson") String processDefinitionJson, @Param("locations") String locations,
            @Param("connects") String connects, @Param("description") String description);

    @RequestLine("GET /projects/{project}/process/list-paging?pageNo={pageNo}&pageSize={pageSize}&searchVal={searchVal}")
    Envelope<PageData<Process>> listProcesses(@Param("project") String project, @Param("pageNo") int pageNo,
            @Param("pageSize") int pageSize, @Param("searchVal") String searchVal);

    @RequestLine("GET /projects/{project}/process/select-by-id?processId={processId}")
    Envelope<ProcessDetail> processById(@Param("project") String project, @Param("processId") long processId);

    /** @param releaseState 1 online, 0 offline: the one enum this API takes as a number */
    @RequestLine("POST /projects/{project}/process/release")
    @Headers(FORM)
    Envelope<Void> releaseProcess(@Param("project") String project, @Param("processId") long processId,
            @Param("releaseState") int releaseState);

    @RequestLine("GET /projects/{project}/process/delete?processDefinitionId={processDefinitionId}")
    Envelope<Void> deleteProcess(@Param("project") String project,
            @Param("processDefinitionId") long processDefinitionId);

    @RequestLine("POST /projects/{project}/schedule/create")
    @Headers(FORM)
    Envelope<Void> createSchedule(@Param("project") String project,
            @Param("processDefinitionId") long processDefinitionId, @Param("schedule") String schedule,
            @Param("warningType") String warningType, @Param("warningGroupId") long warningGroupId,
            @Param("failureStrategy") String failureStrategy, @Param("workerGroup") String workerGroup,
            @Param("processInstancePriority") String processInstancePriority);

    @RequestLine("POST /projects/{project}/schedule/update")
    @Headers(FORM)
    Envelope<Void> updateSchedule(@Param("project") String project, @Param("id") long id,
            @Param("schedule") String schedule, @Param("warningType") String warningType,
            @Param("warningGroupId") long warningGroupId, @Param("failureStrategy") String failureStrategy,
            @Param("workerGroup") String workerGroup,
            @Param("processInstancePriority") String processInstancePriority);

    @RequestLine("POST /projects/{project}/schedule/online")
    @Headers(FORM)
    Envelope<Void> onlineSchedule(@Param("project") String project, @Param("id") long id);

    @RequestLine("POST /projects/{project}/schedule/offline")
    @Headers(FORM)
    Envelope<Void> offlineSchedule(@Param("project") String project, @Param("id") long id);

    @RequestLine("GET /projects/{project}/schedule/list-paging?processDefinitionId={processDefinitionId}&pageNo={pageNo}&pageSize={pageSize}")
    Envelope<PageData<Schedule>> listSchedules(@Param("project") String project,
            @Param("processDefinitionId") long processDefinitionId, @Param("pageNo") int pageNo,
            @Param("pageSize") int pageSize);

    @RequestLine("GET /projects/{project}/schedule/delete?scheduleId={scheduleId}")
    Envelope<Void> deleteSchedule(@Param("project") String project, @Param("scheduleId") long scheduleId);

    @RequestLine("POST /projects/{project}/executors/start-process-instance")
    @Headers(FORM)
    Envelope<Void> startProcess(@Param("project") String project,
            @Param("processDefinitionId") long processDefinitionId, @Param("failureStrategy") String failureStrategy,
            @Param("warningType") String warningType, @Param("warningGroupId") long warningGroupId,
            @Param("processInstancePriority") String processInstancePriority,
            @Param("workerGroup") String workerGroup);

    @RequestLine("POST /projects/{project}/executors/execute")
    @Headers(FORM)
    Envelope<Void> execute(@Param("project") String project, @Param("processInstanceId") long processInstanceId,
            @Param("executeType") String executeType);

    @RequestLine("GET /projects/{project}/instance/list-paging?processDefinitionId={processDefinitionId}&pageNo={pageNo}&pageSize={pageSize}")
    Envelope<PageData<Instance>> listInstances(@Param("project") String project,
            @Param("processDefinitionId") long processDefinitionId, @Param("pageNo") int pageNo,
            @Param("pageSize") int pageSize);

    @RequestLine("GET /projects/{project}/instance/select-by-id?processInstanceId={processInstanceId}")
    Envelope<Instance> instanceById(@Param("project") String project,
            @Param("processInstanceId") long processInstanceId);

    /**
     * Every attempt of every task of a process instance: a retry is a new task instance, and the
     * attempt it replaced stays with {@code flag} NO. ({@code instance/task-list-by-process-id}
     * lists only the latest attempts.)
     */
    @RequestLine("GET /projects/{project}/task-instance/list-paging?processInstanceId={processInstanceId}&pageNo={pageNo}&pageSize={pageSize}")
    Envelope<PageData<TaskInstance>> taskInstances(@Param("project") String project,
            @Param("processInstanceId") long processInstanceId, @Param("pageNo") int pageNo,
            @Param("pageSize") int pageSize);

    @RequestLine("GET /log/detail?taskInstanceId={taskInstanceId}&skipLineNum={skipLineNum}&limit={limit}")
    Envelope<String> log(@Param("taskInstanceId") long taskInstanceId, @Param("skipLineNum") int skipLineNum,
            @Param("limit") int limit);
}
